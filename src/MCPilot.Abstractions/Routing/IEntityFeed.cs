namespace MCPilot.Routing;

/// <summary>
/// An entity's bounded feed of the messages the router delivered to it, held in memory (and, when
/// <c>MCPilot:Entities:Feeds:Persist</c> is on, written through an <see cref="IEntityFeedStore"/> so
/// that it survives a restart). When it is full the oldest message is dropped and counted. The feed
/// remembers how far the entity has read, so clients can ask for "what is new since my last read":
/// one cursor for every message, and one for mentions, so that reading only the mentions leaves the
/// other messages unread.
/// </summary>
public interface IEntityFeed
{
    /// <summary>The entity the feed belongs to.</summary>
    EntityId EntityId { get; }

    /// <summary>How many messages the feed holds at most.</summary>
    int Capacity { get; }

    /// <summary>How many messages it holds now.</summary>
    int Count { get; }

    /// <summary>How many messages it has dropped because it was full.</summary>
    long Dropped { get; }

    /// <summary>How many unread messages (after the read cursor) it holds.</summary>
    int UnreadCount { get; }

    /// <summary>How many unread mentions (after the mention cursor) it holds.</summary>
    int UnreadMentionCount { get; }

    /// <summary>
    /// Reads the messages after <paramref name="afterSequence"/> (or, when <see langword="null"/>,
    /// after the entity's last read), oldest first, at most <paramref name="limit"/>; optionally only
    /// mentions. When <paramref name="markRead"/> is set it moves the cursor past what was returned:
    /// reading every message moves both cursors (the mentions among them were read too); reading only
    /// mentions moves only the mention cursor, so the other messages stay unread.
    /// </summary>
    FeedPage Read(long? afterSequence = null, int limit = 50, bool mentionsOnly = false, bool markRead = true);

    /// <summary>
    /// Waits until the feed holds an unread message (an unread mention, when <paramref name="mentionsOnly"/>),
    /// or until <paramref name="timeout"/> passes.
    /// </summary>
    /// <returns><see langword="true"/> when a message is waiting.</returns>
    ValueTask<bool> WaitAsync(TimeSpan timeout, bool mentionsOnly = false, CancellationToken cancellationToken = default);

    /// <summary>Raised after a message was added (on the router's thread: handlers must be quick).</summary>
    event Action<FeedMessage>? MessageAdded;
}
