namespace MCPilot.Entities;

/// <summary>Whether and how entity feeds are kept across restarts; bound from <c>MCPilot:Entities:Feeds</c> (<see cref="EntityOptions.Feeds"/>).</summary>
public sealed class EntityFeedOptions
{
    /// <summary>The default of <see cref="Persist"/>: feeds live in memory only.</summary>
    public const bool DefaultPersist = false;

    /// <summary>The default of <see cref="Node"/>.</summary>
    public const string DefaultNode = "default";

    /// <summary>The longest <see cref="Node"/>.</summary>
    public const int MaxNodeLength = 64;

    /// <summary>The default of <see cref="Retention"/>: a week.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether each entity's feeds (its channel feed and its DMs), with the cursors of
    /// <c>get_mentions</c> and <c>wait_for_messages</c>, are written through the store
    /// (<see cref="Routing.IEntityFeedStore"/>) and read back when the host starts, so that unread
    /// mentions and DMs survive a restart. The store keeps the newest
    /// <see cref="EntityOptions.FeedCapacity"/> messages per feed, none older than
    /// <see cref="Retention"/>. Writes happen in the background, never on the routing path: a change
    /// reaches the store within one write (milliseconds when the store is healthy); a graceful stop
    /// writes everything first, a crash loses what had not been written yet. When the store fails,
    /// feeds keep working from memory and the writes are retried. At start, messages wait to be
    /// routed until the stored feeds are back. Read at start. Default <see cref="DefaultPersist"/>:
    /// nothing about feeds touches the store or the disk.
    /// </summary>
    public bool Persist { get; set; } = DefaultPersist;

    /// <summary>
    /// The name this host's feeds are stored under. Each host routes messages into feeds of its own,
    /// so every host that persists feeds on a shared database needs a different name (e.g. one per
    /// shard set); a host restarted under the same name gets its feeds back. Letters, digits,
    /// <c>.</c>, <c>_</c> and <c>-</c>, at most <see cref="MaxNodeLength"/>. Default <see cref="DefaultNode"/>.
    /// </summary>
    public string Node { get; set; } = DefaultNode;

    /// <summary>
    /// How long a persisted message is kept, counted from when it was posted on Discord: older ones
    /// are deleted from the store (hourly, and before feeds are restored), so message content does
    /// not linger on disk. From one minute to 365 days. Default <see cref="DefaultRetention"/>.
    /// </summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;
}
