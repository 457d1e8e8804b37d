namespace MCPilot.Routing;

/// <summary>
/// Keeps entity feeds, so that unread mentions and direct messages, and the feeds' read cursors,
/// survive a restart. Used only when feed persistence is switched on
/// (<c>MCPilot:Entities:Feeds:Persist</c>); otherwise feeds live in memory and nothing is written.
/// Feeds are kept per <em>node</em>: each host that persists feeds names its own
/// (<c>MCPilot:Entities:Feeds:Node</c>), because each host routes its own messages into its own
/// feeds, and two hosts must never overwrite each other's. A store keeps at most
/// <see cref="FeedSnapshot.Capacity"/> messages per feed, and a feed goes with its entity: deleting
/// the entity deletes its feeds, and feeds of an entity that does not exist are not kept.
/// </summary>
public interface IEntityFeedStore
{
    /// <summary>
    /// Saves a node's feeds, all or nothing: for each, replaces its state (sequence, cursors,
    /// dropped count), adds its <see cref="FeedSnapshot.Messages"/> (replacing stored messages from
    /// the first one's sequence number on, so a save can be repeated), and deletes the messages that
    /// fell out of the feed (sequence at most <see cref="FeedSnapshot.LastSequence"/> minus
    /// <see cref="FeedSnapshot.Capacity"/>). Feeds of entities that do not exist (any more) are skipped.
    /// </summary>
    Task SaveAsync(string node, IReadOnlyList<FeedSnapshot> feeds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every feed stored for <paramref name="node"/>, each with its newest <paramref name="capacity"/>
    /// messages, oldest first; older messages are deleted (they are out of a feed of that capacity),
    /// and so are messages the store can no longer read (a message is never half-restored).
    /// </summary>
    Task<IReadOnlyList<FeedSnapshot>> LoadAsync(string node, int capacity, CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored feed messages (of every node) posted on Discord before <paramref name="before"/>.</summary>
    /// <returns>How many messages were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
