namespace MCPilot.Vault;

/// <summary>Why the vault refused an envelope.</summary>
public enum SecretVaultError
{
    /// <summary>The envelope is not a vault envelope of a known format version.</summary>
    Malformed,

    /// <summary>The envelope names a master key the key ring does not hold.</summary>
    UnknownKey,

    /// <summary>
    /// Authentication failed: the envelope was altered, or it belongs to another owner, record
    /// or field. The two cannot be told apart, by design.
    /// </summary>
    AuthenticationFailed,

    /// <summary>The owner has no key material: never had secrets, or was shredded.</summary>
    OwnerShredded,
}
