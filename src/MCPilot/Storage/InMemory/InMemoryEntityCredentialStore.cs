using MCPilot.Entities;

namespace MCPilot.Storage.InMemory;

/// <summary>Keeps entities' API keys (hashed) in memory: nothing persists. Deleting an entity deletes its keys.</summary>
public sealed class InMemoryEntityCredentialStore : IEntityCredentialStore
{
    private readonly InMemoryEntityStore _entities;
    private readonly Dictionary<string, EntityCredential> _byLookupId = new(StringComparer.Ordinal);

    /// <summary>Creates the store over the entities its keys belong to.</summary>
    public InMemoryEntityCredentialStore(InMemoryEntityStore entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _entities = entities;
        _entities.Deleted += id =>
        {
            foreach (var credential in _byLookupId.Values.Where(c => c.EntityId == id).ToList())
            {
                _byLookupId.Remove(credential.LookupId);
            }
        };
    }

    /// <inheritdoc />
    public Task AddAsync(EntityCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        lock (_entities.SyncRoot)
        {
            if (!_entities.Contains(credential.EntityId))
            {
                throw StoreExceptions.EntityMissing(credential.EntityId, "a credential");
            }

            if (_byLookupId.ContainsKey(credential.LookupId) || _byLookupId.Values.Any(c => c.Id == credential.Id))
            {
                throw StoreExceptions.LookupIdTaken(credential.LookupId);
            }

            _byLookupId.Add(credential.LookupId, credential with { KeyHash = [.. credential.KeyHash] });
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<EntityCredential?> FindByLookupIdAsync(string lookupId, CancellationToken cancellationToken = default)
    {
        lock (_entities.SyncRoot)
        {
            return Task.FromResult(_byLookupId.GetValueOrDefault(lookupId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EntityCredential>> ListAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        lock (_entities.SyncRoot)
        {
            IReadOnlyList<EntityCredential> list = [.. _byLookupId.Values.Where(c => c.EntityId == entityId).OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<bool> RevokeAsync(EntityId entityId, Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(Change(c => c.Id == credentialId && c.EntityId == entityId && c.RevokedAt is null, c => c with { RevokedAt = at }));

    /// <inheritdoc />
    public Task TouchAsync(Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Change(c => c.Id == credentialId, c => c with { LastUsedAt = at });
        return Task.CompletedTask;
    }

    private bool Change(Func<EntityCredential, bool> match, Func<EntityCredential, EntityCredential> change)
    {
        lock (_entities.SyncRoot)
        {
            var credential = _byLookupId.Values.FirstOrDefault(match);
            if (credential is null)
            {
                return false;
            }

            _byLookupId[credential.LookupId] = change(credential);
            return true;
        }
    }
}
