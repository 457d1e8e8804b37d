namespace MCPilot.Routing;

/// <summary>
/// Keeps entity feeds, so that unread mentions and direct messages, and the read cursors, survive a
/// restart. Used only when feed persistence is switched on (<c>MCPilot:Entities:Feeds:Persist</c>);
/// otherwise feeds live in memory and nothing is written. A store keeps at most
/// <see cref="FeedSnapshot.Capacity"/> messages per feed, and a feed goes with its entity: deleting the
/// entity deletes its feeds, and feeds of an entity that does not exist are not kept.
/// </summary>
public interface IEntityFeedStore
{
    /// <summary>
    /// Saves feeds, all or nothing: for each, replaces its state (sequence, cursors, dropped count),
    /// adds its <see cref="FeedSnapshot.Messages"/> (replacing stored messages with the same sequence
    /// numbers, so a save can be repeated), and deletes the messages that fell out of the feed
    /// (sequence at most <see cref="FeedSnapshot.LastSequence"/> minus <see cref="FeedSnapshot.Capacity"/>).
    /// Feeds of entities that do not exist (any more) are skipped.
    /// </summary>
    Task SaveAsync(IReadOnlyList<FeedSnapshot> feeds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every stored feed, each with its newest <paramref name="capacity"/> messages, oldest first;
    /// older messages are deleted (they are out of a feed of that capacity).
    /// </summary>
    Task<IReadOnlyList<FeedSnapshot>> LoadAsync(int capacity, CancellationToken cancellationToken = default);
}
