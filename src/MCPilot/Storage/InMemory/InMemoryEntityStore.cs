using MCPilot.Entities;

namespace MCPilot.Storage.InMemory;

/// <summary>
/// Keeps entities in memory: nothing persists. For tests and throwaway playgrounds; it enforces
/// the same rules as the durable stores (versions, unique names per guild).
/// </summary>
public sealed class InMemoryEntityStore : IEntityStore
{
    private readonly Dictionary<EntityId, Entity> _entities = [];

    /// <summary>Raised under <see cref="SyncRoot"/> when an entity is deleted, so that its dependents go with it.</summary>
    internal event Action<EntityId>? Deleted;

    /// <summary>The lock shared by the in-memory stores whose records belong to an entity.</summary>
    internal Lock SyncRoot { get; } = new();

    /// <inheritdoc />
    public Task<Entity?> GetAsync(EntityId id, CancellationToken cancellationToken = default)
    {
        lock (SyncRoot)
        {
            return Task.FromResult(_entities.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Entity>> ListAsync(CancellationToken cancellationToken = default) => Where(_ => true);

    /// <inheritdoc />
    public Task<IReadOnlyList<Entity>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        Where(e => e.Membership(guildId) is not null);

    /// <inheritdoc />
    public Task<IReadOnlyList<Entity>> ListByChannelAsync(ulong guildId, ulong channelId, ulong? parentChannelId = null, CancellationToken cancellationToken = default) =>
        Where(e => e.MayUse(guildId, channelId, parentChannelId));

    /// <inheritdoc />
    public Task<Entity> CreateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (SyncRoot)
        {
            if (_entities.ContainsKey(entity.Id))
            {
                throw new StoreException(StoreError.Duplicate, $"An entity with id {entity.Id} already exists.");
            }

            var stored = Copy(entity, 1);
            CheckNames(stored);
            _entities.Add(stored.Id, stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<Entity> UpdateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (SyncRoot)
        {
            if (!_entities.TryGetValue(entity.Id, out var current))
            {
                throw StoreExceptions.EntityNotFound(entity);
            }

            if (current.Version != entity.Version)
            {
                throw StoreExceptions.EntityConflict(entity, current.Version);
            }

            var stored = Copy(entity, entity.Version + 1);
            CheckNames(stored);
            _entities[stored.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(EntityId id, CancellationToken cancellationToken = default)
    {
        lock (SyncRoot)
        {
            if (!_entities.Remove(id))
            {
                return Task.FromResult(false);
            }

            Deleted?.Invoke(id);
            return Task.FromResult(true);
        }
    }

    /// <summary>Whether the entity exists; call under <see cref="SyncRoot"/>.</summary>
    internal bool Contains(EntityId id) => _entities.ContainsKey(id);

    private Task<IReadOnlyList<Entity>> Where(Func<Entity, bool> predicate)
    {
        lock (SyncRoot)
        {
            IReadOnlyList<Entity> list = [.. _entities.Values.Where(predicate).OrderBy(e => e.Name, StoreKeys.NameOrder)];
            return Task.FromResult(list);
        }
    }

    private void CheckNames(Entity entity)
    {
        var key = StoreKeys.Name(entity.Name);
        foreach (var other in _entities.Values)
        {
            if (other.Id == entity.Id || StoreKeys.Name(other.Name) != key)
            {
                continue;
            }

            foreach (var membership in entity.Guilds)
            {
                if (other.Membership(membership.GuildId) is not null)
                {
                    throw StoreExceptions.EntityNameTaken(entity.Name, membership.GuildId, other.Id);
                }
            }
        }
    }

    /// <summary>A private copy, so that a caller's later changes to its sets cannot reach the store.</summary>
    private static Entity Copy(Entity entity, long version)
    {
        StoreExceptions.CheckGuildsDistinct(entity);
        return entity with
        {
            Version = version,
            BlockedPhrases = [.. entity.BlockedPhrases],
            ToolAllowList = entity.ToolAllowList is null ? null : new HashSet<string>(entity.ToolAllowList, StringComparer.Ordinal),
            Guilds = [.. entity.Guilds
                .OrderBy(g => g.GuildId)
                .Select(g => g with { Policy = new ChannelPolicy { Allow = new HashSet<ulong>(g.Policy.Allow), Deny = new HashSet<ulong>(g.Policy.Deny) } })],
        };
    }
}
