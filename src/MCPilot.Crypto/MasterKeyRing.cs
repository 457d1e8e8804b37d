using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto;

/// <summary>The master keys by id, one of them active. Key bytes live in pinned arrays and are zeroed on dispose.</summary>
internal sealed class MasterKeyRing : IDisposable
{
    internal const int MaxKeyIdLength = 32;

    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public MasterKeyRing(IOptions<VaultOptions> options)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.MasterSecret))
        {
            Add(VaultOptions.PrimaryKeyId, o.MasterSecret);
        }

        foreach (var (id, secret) in o.Keys)
        {
            Add(id, secret);
        }

        ActiveKeyId = o.ActiveKeyId ?? VaultOptions.PrimaryKeyId;
        if (!_keys.ContainsKey(ActiveKeyId))
        {
            throw new OptionsValidationException(nameof(VaultOptions), typeof(VaultOptions), [$"MCPilot:Vault:ActiveKeyId '{ActiveKeyId}' is not in the key ring."]);
        }
    }

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= MaxKeyIdLength && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

    /// <summary>Returns the key bytes for <paramref name="keyId"/>, or <see langword="null"/>.</summary>
    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        _keys.Clear();
    }

    private void Add(string id, string secret)
    {
        var decoded = MasterSecretParser.TryDecode(secret, id, out var error)
            ?? throw new OptionsValidationException(nameof(VaultOptions), typeof(VaultOptions), [error!]);
        var pinned = GC.AllocateArray<byte>(decoded.Length, pinned: true);
        decoded.CopyTo(pinned, 0);
        CryptographicOperations.ZeroMemory(decoded);
        _keys.Add(id, pinned);
    }
}
