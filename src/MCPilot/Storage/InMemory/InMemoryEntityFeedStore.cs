using MCPilot.Routing;

namespace MCPilot.Storage.InMemory;

/// <summary>
/// Keeps entity feeds in memory (the store contract, for tests and throwaway playgrounds: nothing
/// outlives the process). Feeds of entities that do not exist are skipped; deleting an entity
/// deletes its feeds.
/// </summary>
public sealed class InMemoryEntityFeedStore : IEntityFeedStore
{
    private readonly InMemoryEntityStore _entities;
    private readonly Dictionary<(EntityId, FeedKind), FeedSnapshot> _feeds = [];

    /// <summary>Creates the store over the entities its feeds belong to.</summary>
    public InMemoryEntityFeedStore(InMemoryEntityStore entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _entities = entities;
        _entities.Deleted += id =>
        {
            _feeds.Remove((id, FeedKind.Channels));
            _feeds.Remove((id, FeedKind.DirectMessages));
        };
    }

    /// <inheritdoc />
    public Task SaveAsync(IReadOnlyList<FeedSnapshot> feeds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        lock (_entities.SyncRoot)
        {
            foreach (var feed in feeds.Where(f => _entities.Contains(f.EntityId)))
            {
                var key = (feed.EntityId, feed.Kind);
                var kept = _feeds.TryGetValue(key, out var stored) ? stored.Messages : [];
                var firstNew = feed.Messages.Count > 0 ? feed.Messages[0].Sequence : long.MaxValue;
                var oldest = feed.LastSequence - feed.Capacity;
                _feeds[key] = feed with
                {
                    Messages = [.. kept.Where(m => m.Sequence < firstNew).Concat(feed.Messages).Where(m => m.Sequence > oldest)],
                };
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedSnapshot>> LoadAsync(int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        lock (_entities.SyncRoot)
        {
            foreach (var (key, feed) in _feeds.ToList())
            {
                _feeds[key] = feed with { Messages = [.. feed.Messages.TakeLast(capacity)] };
            }

            IReadOnlyList<FeedSnapshot> list = [.. _feeds.Values.OrderBy(f => f.EntityId.Value).ThenBy(f => f.Kind)];
            return Task.FromResult(list);
        }
    }
}
