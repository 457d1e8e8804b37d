namespace MCPilot.Entities;

/// <summary>Whether entity feeds are kept across restarts; bound from <c>MCPilot:Entities:Feeds</c> (<see cref="EntityOptions.Feeds"/>).</summary>
public sealed class EntityFeedOptions
{
    /// <summary>The default of <see cref="Persist"/>: feeds live in memory only.</summary>
    public const bool DefaultPersist = false;

    /// <summary>
    /// Whether each entity's feeds (its channel feed and its DMs), with their read cursors, are
    /// written through the store (<see cref="Routing.IEntityFeedStore"/>) and read back when the host
    /// starts, so that unread mentions and DMs, and "since my last read", survive a restart. The store
    /// keeps the newest <see cref="EntityOptions.FeedCapacity"/> messages per feed. Writes happen in
    /// the background, never on the routing path: a change reaches the store within one write (a few
    /// milliseconds when the store is healthy); a graceful stop writes everything first, a crash loses
    /// what had not been written yet. When the store fails, feeds keep working from memory and the
    /// writes are retried. Read at start. Default <see cref="DefaultPersist"/>: nothing about feeds
    /// touches the store or the disk.
    /// </summary>
    public bool Persist { get; set; } = DefaultPersist;
}
