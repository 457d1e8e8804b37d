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

/// <summary>
/// A vault operation failed. The message names the cause and the binding's record and field,
/// never a secret or key.
/// </summary>
public sealed class SecretVaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretVaultException(SecretVaultError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception with an inner cause.</summary>
    public SecretVaultException(SecretVaultError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    /// <summary>Why the envelope was refused.</summary>
    public SecretVaultError Error { get; }
}
