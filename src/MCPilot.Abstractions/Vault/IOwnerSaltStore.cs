namespace MCPilot.Vault;

/// <summary>
/// Where the vault keeps each owner's random salt (the per-owner key material). Deleting a
/// salt crypto-shreds every secret of that owner. Implementations must make
/// <see cref="GetOrAddAsync"/> atomic across processes that share the store.
/// </summary>
public interface IOwnerSaltStore
{
    /// <summary>Returns the owner's salt, or <see langword="null"/> when the owner has none.</summary>
    ValueTask<byte[]?> GetAsync(OwnerId owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="candidate"/> as the owner's salt unless the owner already has one,
    /// and returns the salt that is stored (the existing one, when a concurrent call won).
    /// </summary>
    ValueTask<byte[]> GetOrAddAsync(OwnerId owner, byte[] candidate, CancellationToken cancellationToken = default);

    /// <summary>Deletes the owner's salt.</summary>
    /// <returns><see langword="true"/> when there was one.</returns>
    ValueTask<bool> DeleteAsync(OwnerId owner, CancellationToken cancellationToken = default);
}
