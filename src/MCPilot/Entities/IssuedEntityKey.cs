namespace MCPilot.Entities;

/// <summary>
/// A new API key of an entity: <see cref="Key"/> is shown to its holder once and never stored
/// (the store keeps <see cref="Credential"/>, with the key's hash).
/// </summary>
public sealed class IssuedEntityKey
{
    internal IssuedEntityKey(EntityCredential credential, string key)
    {
        Credential = credential;
        Key = key;
    }

    /// <summary>The stored credential (lookup id, hash, label, expiry).</summary>
    public EntityCredential Credential { get; }

    /// <summary>The key itself. Show it once; never log or store it.</summary>
    public string Key { get; }

    /// <summary>Names the key by its lookup id; the secret is never printed.</summary>
    public override string ToString() => $"EntityKey({Credential.LookupId} for {Credential.EntityId}, secret hidden)";
}
