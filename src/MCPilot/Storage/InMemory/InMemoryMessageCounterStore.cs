using MCPilot.Activity;

namespace MCPilot.Storage.InMemory;

/// <summary>Counts entities' messages in memory: nothing persists. Deleting an entity removes it from the leaderboard.</summary>
public sealed class InMemoryMessageCounterStore : IMessageCounterStore
{
    private readonly InMemoryEntityStore _entities;
    private readonly Dictionary<(ulong GuildId, DateOnly Day, EntityId EntityId), long> _counts = [];

    /// <summary>Creates the store over the entities it counts.</summary>
    public InMemoryMessageCounterStore(InMemoryEntityStore entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _entities = entities;
        _entities.Deleted += id =>
        {
            foreach (var key in _counts.Keys.Where(k => k.EntityId == id).ToList())
            {
                _counts.Remove(key);
            }
        };
    }

    /// <inheritdoc />
    public Task IncrementAsync(EntityId entityId, ulong guildId, DateOnly day, int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_entities.SyncRoot)
        {
            var key = (guildId, day, entityId);
            _counts[key] = _counts.GetValueOrDefault(key) + count;
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(ulong guildId, DateOnly from, DateOnly to, int limit = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_entities.SyncRoot)
        {
            IReadOnlyList<LeaderboardRow> rows = [.. _counts
                .Where(c => c.Key.GuildId == guildId && c.Key.Day >= from && c.Key.Day <= to)
                .GroupBy(c => c.Key.EntityId)
                .Select(g => new LeaderboardRow(g.Key, g.Sum(c => c.Value)))
                .OrderByDescending(r => r.Messages)
                .ThenBy(r => r.EntityId.Value)
                .Take(limit)];
            return Task.FromResult(rows);
        }
    }
}
