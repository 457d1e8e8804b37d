using System.ComponentModel.DataAnnotations;

namespace MCPilot.Crypto;

/// <summary>
/// The vault's master key ring, bound from <c>MCPilot:Vault</c>. The simplest configuration is
/// one <see cref="MasterSecret"/> (or the <c>BOT_MASTER_SECRET</c> environment variable).
/// To rotate, add the new key under <see cref="Keys"/>, make it <see cref="ActiveKeyId"/>, keep
/// the old one until every owner is re-wrapped (<see cref="VaultKeyRotation"/>), then remove it.
/// </summary>
public sealed class VaultOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Vault";

    /// <summary>The environment variable read when <see cref="MasterSecret"/> is not configured.</summary>
    public const string MasterSecretEnvironmentVariable = "BOT_MASTER_SECRET";

    /// <summary>The key id of <see cref="MasterSecret"/> in the key ring.</summary>
    public const string PrimaryKeyId = "primary";

    /// <summary>The default of <see cref="DerivedKeyCacheSize"/>.</summary>
    public const int DefaultDerivedKeyCacheSize = 1024;

    /// <summary>The smallest accepted master secret, in bytes (256 bits).</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>
    /// The master secret, at least 32 random bytes (256 bits) as base64 or hex; its key id is
    /// <see cref="PrimaryKeyId"/>. Generate one with <c>openssl rand -base64 32</c> or
    /// <c>openssl rand -hex 32</c>. A value made only of hex digits is read as hex (64 digits or
    /// more); anything else as base64, standard or URL-safe.
    /// </summary>
    public string? MasterSecret { get; set; }

    /// <summary>
    /// Further master secrets by key id (1 to 32 characters of <c>a-z 0-9 - _ .</c>), for rotation.
    /// </summary>
    public IDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The id of the key new envelopes are made with. Defaults to <see cref="PrimaryKeyId"/> when
    /// <see cref="MasterSecret"/> is the only key; required when there are several.
    /// </summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>
    /// How many derived per-owner keys are cached (evicted keys are zeroed). 0 derives the key
    /// on every call. Default <see cref="DefaultDerivedKeyCacheSize"/>.
    /// </summary>
    [Range(0, 1_000_000)]
    public int DerivedKeyCacheSize { get; set; } = DefaultDerivedKeyCacheSize;

    /// <summary>
    /// How long a derived key stays cached. This bounds how long another host that shares the
    /// salt store can still decrypt an owner's old secrets after the owner is shredded (the host
    /// that shreds stops at once, and no host encrypts with a shredded owner's key). Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DerivedKeyLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public override string ToString() => $"VaultOptions(keys: {Keys.Count + (MasterSecret is null ? 0 : 1)}, active: {ActiveKeyId ?? PrimaryKeyId})";
}
