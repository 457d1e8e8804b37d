namespace MCPilot.Vault;

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
