using System.Collections.Concurrent;
using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Storage;

namespace MCPilot.Tests.Fakes;

/// <summary>An in-memory entity store with the real store's rules (versions, unique names per guild).</summary>
public sealed class FakeEntityStore : IEntityStore
{
    private readonly ConcurrentDictionary<EntityId, Entity> _entities = new();
    private readonly Lock _gate = new();

    public Func<Task>? BeforeList { get; set; }

    public Task<Entity?> GetAsync(EntityId id, CancellationToken cancellationToken = default) => Task.FromResult(_entities.GetValueOrDefault(id));

    public async Task<IReadOnlyList<Entity>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (BeforeList is not null)
        {
            await BeforeList();
        }

        return [.. _entities.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    public Task<IReadOnlyList<Entity>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Entity>>([.. _entities.Values.Where(e => e.Membership(guildId) is not null).OrderBy(e => e.Name, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<Entity>> ListByChannelAsync(ulong guildId, ulong channelId, ulong? parentChannelId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Entity>>([.. _entities.Values.Where(e => e.MayUse(guildId, channelId, parentChannelId)).OrderBy(e => e.Name, StringComparer.Ordinal)]);

    public Task<Entity> CreateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_entities.ContainsKey(entity.Id))
            {
                throw new StoreException(StoreError.Duplicate, $"Entity {entity.Id} exists.");
            }

            CheckName(entity);
            var created = entity with { Version = 1 };
            _entities[entity.Id] = created;
            return Task.FromResult(created);
        }
    }

    public Task<Entity> UpdateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_entities.TryGetValue(entity.Id, out var stored))
            {
                throw new StoreException(StoreError.NotFound, $"Entity {entity.Id} does not exist.");
            }

            if (stored.Version != entity.Version)
            {
                throw new StoreException(StoreError.ConcurrencyConflict, $"Entity '{entity.Name}' changed (version {entity.Version}, now {stored.Version}).");
            }

            CheckName(entity);
            var updated = entity with { Version = stored.Version + 1 };
            _entities[entity.Id] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task<bool> DeleteAsync(EntityId id, CancellationToken cancellationToken = default) => Task.FromResult(_entities.TryRemove(id, out _));

    private void CheckName(Entity entity)
    {
        foreach (var other in _entities.Values.Where(o => o.Id != entity.Id))
        {
            if (string.Equals(other.Name, entity.Name, StringComparison.OrdinalIgnoreCase) && other.Guilds.Any(g => entity.Membership(g.GuildId) is not null))
            {
                throw new StoreException(StoreError.Duplicate, $"The name '{entity.Name}' is taken in a shared guild.");
            }
        }
    }
}

/// <summary>An in-memory credential store.</summary>
public sealed class FakeCredentialStore : IEntityCredentialStore
{
    private readonly ConcurrentDictionary<Guid, EntityCredential> _credentials = new();

    public int Touches { get; private set; }

    public Task AddAsync(EntityCredential credential, CancellationToken cancellationToken = default)
    {
        if (_credentials.Values.Any(c => c.LookupId == credential.LookupId))
        {
            throw new StoreException(StoreError.Duplicate, "Lookup id in use.");
        }

        _credentials[credential.Id] = credential;
        return Task.CompletedTask;
    }

    public Task<EntityCredential?> FindByLookupIdAsync(string lookupId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_credentials.Values.FirstOrDefault(c => c.LookupId == lookupId));

    public Task<IReadOnlyList<EntityCredential>> ListAsync(EntityId entityId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EntityCredential>>([.. _credentials.Values.Where(c => c.EntityId == entityId).OrderByDescending(c => c.CreatedAt)]);

    public Task<bool> RevokeAsync(EntityId entityId, Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (_credentials.TryGetValue(credentialId, out var c) && c.EntityId == entityId && c.RevokedAt is null)
        {
            _credentials[credentialId] = c with { RevokedAt = at };
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    public Task TouchAsync(Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Touches++;
        if (_credentials.TryGetValue(credentialId, out var c))
        {
            _credentials[credentialId] = c with { LastUsedAt = at };
        }

        return Task.CompletedTask;
    }
}

/// <summary>In-memory message counters.</summary>
public sealed class FakeMessageCounterStore : IMessageCounterStore
{
    public ConcurrentDictionary<(EntityId, ulong, DateOnly), long> Counts { get; } = new();

    public Task IncrementAsync(EntityId entityId, ulong guildId, DateOnly day, int count = 1, CancellationToken cancellationToken = default)
    {
        Counts.AddOrUpdate((entityId, guildId, day), count, (_, v) => v + count);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(ulong guildId, DateOnly from, DateOnly to, int limit = 10, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeaderboardRow>>([.. Counts.Where(k => k.Key.Item2 == guildId && k.Key.Item3 >= from && k.Key.Item3 <= to)
            .GroupBy(k => k.Key.Item1).Select(g => new LeaderboardRow(g.Key, g.Sum(x => x.Value))).OrderByDescending(r => r.Messages).Take(limit)]);
}

/// <summary>In-memory DM routes (which entity each user talks to in DMs).</summary>
public sealed class FakeDmRouteStore : IDmRouteStore
{
    public ConcurrentDictionary<ulong, EntityId> Routes { get; } = new();

    public Task<EntityId?> GetActiveEntityAsync(ulong userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Routes.TryGetValue(userId, out var id) ? id : (EntityId?)null);

    public Task SetActiveEntityAsync(ulong userId, EntityId? entityId, CancellationToken cancellationToken = default)
    {
        if (entityId is { } id)
        {
            Routes[userId] = id;
        }
        else
        {
            Routes.TryRemove(userId, out _);
        }

        return Task.CompletedTask;
    }
}

/// <summary>An in-memory audit log.</summary>
public sealed class FakeAuditLog : IToolCallAuditLog
{
    public ConcurrentQueue<ToolCallRecord> Records { get; } = new();

    public Task AppendAsync(ToolCallRecord record, CancellationToken cancellationToken = default)
    {
        Records.Enqueue(record);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ToolCallRecord>> QueryAsync(EntityId? entityId, DateTimeOffset? since, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ToolCallRecord>>([.. Records.Where(r => entityId is null || r.EntityId == entityId).Reverse().Take(limit)]);
}
