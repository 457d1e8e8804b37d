namespace MCPilot.Vault;

/// <summary>
/// Encrypts secrets at rest with a key per owner (AES-256-GCM under an HKDF-derived key), bound
/// to their place. Envelopes are self-describing strings: they carry the format version and the
/// id of the master key that made them, so keys can rotate without losing a secret.
/// </summary>
public interface ISecretVault
{
    /// <summary>The id of the master key new envelopes are made with.</summary>
    string ActiveKeyId { get; }

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="binding"/>.</summary>
    /// <returns>The envelope, a URL-safe string.</returns>
    ValueTask<string> EncryptAsync(SecretBinding binding, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default);

    /// <summary>Decrypts an envelope made for exactly <paramref name="binding"/>.</summary>
    /// <exception cref="SecretVaultException">The envelope is malformed, was tampered with, belongs
    /// elsewhere, names an unknown master key, or its owner was shredded.</exception>
    ValueTask<byte[]> DecryptAsync(SecretBinding binding, string envelope, CancellationToken cancellationToken = default);

    /// <summary>Whether an envelope was made with a master key other than the active one.</summary>
    /// <exception cref="SecretVaultException">The envelope is malformed.</exception>
    bool NeedsRewrap(string envelope);

    /// <summary>
    /// Re-encrypts an envelope under the active master key, for the same binding. Returns the
    /// envelope unchanged when it already uses the active key.
    /// </summary>
    ValueTask<string> RewrapAsync(SecretBinding binding, string envelope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a secret to another place, typically another owner: decrypts it with
    /// <paramref name="from"/>'s key and encrypts it for <paramref name="to"/>. Used when an admin who
    /// edits a shared server's secrets takes ownership of them.
    /// </summary>
    ValueTask<string> TransferAsync(SecretBinding from, SecretBinding to, string envelope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Crypto-shredding: deletes the owner's salt, so none of the owner's secrets can ever be
    /// decrypted again, wherever copies of them remain (backups included). This is how a user is erased.
    /// </summary>
    /// <returns><see langword="true"/> when the owner had a salt.</returns>
    ValueTask<bool> ShredOwnerAsync(OwnerId owner, CancellationToken cancellationToken = default);
}
