namespace MCPilot.Routing;

/// <summary>
/// One entity feed as a feed store keeps it (<see cref="IEntityFeedStore"/>): where it stands (its
/// newest sequence number, its two read cursors, how many messages it dropped) and messages it holds.
/// </summary>
public sealed record FeedSnapshot
{
    /// <summary>The entity the feed belongs to.</summary>
    public required EntityId EntityId { get; init; }

    /// <summary>Which of the entity's feeds it is.</summary>
    public required FeedKind Kind { get; init; }

    /// <summary>How many messages the feed holds at most; the store keeps no more than that many (the newest).</summary>
    public required int Capacity { get; init; }

    /// <summary>The sequence number of the newest message the feed has held (0 when none).</summary>
    public long LastSequence { get; init; }

    /// <summary>The sequence number the entity has read every message up to.</summary>
    public long ReadCursor { get; init; }

    /// <summary>The sequence number the entity has read the mentions up to.</summary>
    public long MentionCursor { get; init; }

    /// <summary>How many messages the feed has dropped because it was full.</summary>
    public long Dropped { get; init; }

    /// <summary>
    /// The messages, oldest first. On a save, the ones written since the last save (possibly none,
    /// when only a cursor moved); on a load, the newest <see cref="Capacity"/> the store holds.
    /// </summary>
    public IReadOnlyList<FeedMessage> Messages { get; init; } = [];
}
