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
    private readonly Dictionary<(string Node, EntityId Entity, FeedKind Kind), FeedSnapshot> _feeds = [];

    /// <summary>Creates the store over the entities its feeds belong to.</summary>
    public InMemoryEntityFeedStore(InMemoryEntityStore entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _entities = entities;
        _entities.Deleted += id =>
        {
            foreach (var key in _feeds.Keys.Where(k => k.Entity == id).ToList())
            {
                _feeds.Remove(key);
            }
        };
    }

    /// <inheritdoc />
    public Task SaveAsync(string node, IReadOnlyList<FeedSnapshot> feeds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(feeds);
        lock (_entities.SyncRoot)
        {
            foreach (var feed in feeds.Where(f => _entities.Contains(f.EntityId)))
            {
                var key = (node, feed.EntityId, feed.Kind);
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
    public Task<IReadOnlyList<FeedSnapshot>> LoadAsync(string node, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        lock (_entities.SyncRoot)
        {
            var list = new List<FeedSnapshot>();
            foreach (var (key, feed) in _feeds.Where(f => f.Key.Node == node).OrderBy(f => f.Key.Entity.Value).ThenBy(f => f.Key.Kind).ToList())
            {
                _feeds[key] = feed with { Messages = [.. feed.Messages.TakeLast(capacity)] };
                list.Add(_feeds[key] with { Capacity = capacity });
            }

            return Task.FromResult<IReadOnlyList<FeedSnapshot>>(list);
        }
    }

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_entities.SyncRoot)
        {
            var deleted = 0;
            foreach (var (key, feed) in _feeds.ToList())
            {
                var kept = feed.Messages.Where(m => m.Message.Timestamp >= before).ToList();
                deleted += feed.Messages.Count - kept.Count;
                _feeds[key] = feed with { Messages = kept };
            }

            return Task.FromResult(deleted);
        }
    }
}
