namespace MCPilot.Vault;

/// <summary>
/// A store that holds vault envelopes, so that key rotation can re-wrap an owner's fields under
/// the active master key. Each store of encrypted fields registers one.
/// </summary>
public interface IVaultedFieldSource
{
    /// <summary>Lists the owner's encrypted fields held by this store.</summary>
    IAsyncEnumerable<VaultedField> GetFieldsAsync(OwnerId owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a field's envelope with <paramref name="newEnvelope"/>, only if it still holds
    /// <paramref name="field"/>'s envelope.
    /// </summary>
    /// <returns><see langword="false"/> when the field changed meanwhile (it is then left alone).</returns>
    ValueTask<bool> ReplaceAsync(VaultedField field, string newEnvelope, CancellationToken cancellationToken = default);
}
