using MCPilot.Entities;

namespace MCPilot.Storage.InMemory;

/// <summary>Keeps each user's active DM entity in memory: nothing persists. Deleting an entity clears the routes to it.</summary>
public sealed class InMemoryDmRouteStore : IDmRouteStore
{
    private readonly InMemoryEntityStore _entities;
    private readonly Dictionary<ulong, EntityId> _routes = [];

    /// <summary>Creates the store over the entities it routes to.</summary>
    public InMemoryDmRouteStore(InMemoryEntityStore entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _entities = entities;
        _entities.Deleted += id =>
        {
            foreach (var user in _routes.Where(r => r.Value == id).Select(r => r.Key).ToList())
            {
                _routes.Remove(user);
            }
        };
    }

    /// <inheritdoc />
    public Task<EntityId?> GetActiveEntityAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        lock (_entities.SyncRoot)
        {
            return Task.FromResult(_routes.TryGetValue(userId, out var id) ? id : (EntityId?)null);
        }
    }

    /// <inheritdoc />
    public Task SetActiveEntityAsync(ulong userId, EntityId? entityId, CancellationToken cancellationToken = default)
    {
        lock (_entities.SyncRoot)
        {
            if (entityId is not { } id)
            {
                _routes.Remove(userId);
            }
            else if (_entities.Contains(id))
            {
                _routes[userId] = id;
            }
            else
            {
                throw StoreExceptions.EntityMissing(id, "a DM route");
            }

            return Task.CompletedTask;
        }
    }
}
