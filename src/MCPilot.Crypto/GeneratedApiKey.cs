namespace MCPilot.Crypto;

/// <summary>
/// A freshly generated API key. <see cref="Key"/> is shown to its holder once and never stored;
/// the store keeps <see cref="LookupId"/> (to find the record) and <see cref="Hash"/>.
/// </summary>
public sealed class GeneratedApiKey
{
    internal GeneratedApiKey(string key, string lookupId, byte[] hash)
    {
        Key = key;
        LookupId = lookupId;
        Hash = hash;
    }

    /// <summary>The whole key, <c>{kind}_{lookupId}_{secret}</c>. Show once; never log or store it.</summary>
    public string Key { get; }

    /// <summary>The non-secret lookup id embedded in the key, unique per key.</summary>
    public string LookupId { get; }

    /// <summary>SHA-256 of the key: what the store keeps.</summary>
    public byte[] Hash { get; }

    /// <summary>Names the key by its lookup id; the secret part is never printed.</summary>
    public override string ToString() => $"ApiKey({LookupId}, secret hidden)";
}
