namespace MCPilot.Vault;

/// <summary>Why the vault refused an envelope.</summary>
public enum SecretVaultError
{
    /// <summary>The envelope is not a vault envelope of a known format version.</summary>
    Malformed,

    /// <summary>The envelope names a master key the key ring does not hold.</summary>
    UnknownKey,

    /// <summary>
    /// Authentication failed: the envelope was altered, or it belongs to another record or field
    /// (or, for a format-1 envelope, another owner). These cannot be told apart, by design.
    /// </summary>
    AuthenticationFailed,

    /// <summary>
    /// The envelope was made with key material the owner no longer has: the owner never had
    /// secrets, was shredded (the envelope predates the erase), or the envelope was made for another
    /// owner (format 2 envelopes name their owner's salt, so a copy under another owner lands here).
    /// </summary>
    OwnerShredded,
}
