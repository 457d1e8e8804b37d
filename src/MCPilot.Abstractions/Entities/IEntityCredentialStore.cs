using MCPilot.Storage;

namespace MCPilot.Entities;

/// <summary>Keeps entities' API keys (hashed). Lookups by lookup id are indexed.</summary>
public interface IEntityCredentialStore
{
    /// <summary>Adds a credential. Throws <see cref="StoreError.Duplicate"/> for a lookup id in use, <see cref="StoreError.NotFound"/> for an unknown entity.</summary>
    Task AddAsync(EntityCredential credential, CancellationToken cancellationToken = default);

    /// <summary>Finds the credential with a lookup id, revoked or not.</summary>
    Task<EntityCredential?> FindByLookupIdAsync(string lookupId, CancellationToken cancellationToken = default);

    /// <summary>Lists an entity's credentials, newest first.</summary>
    Task<IReadOnlyList<EntityCredential>> ListAsync(EntityId entityId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a credential of an entity; returns <see langword="false"/> when the entity has no such (unrevoked) credential.</summary>
    Task<bool> RevokeAsync(EntityId entityId, Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records a use (callers throttle this; it is not needed on every request).</summary>
    Task TouchAsync(Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
