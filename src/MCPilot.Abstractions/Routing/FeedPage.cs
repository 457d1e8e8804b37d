namespace MCPilot.Routing;

/// <summary>A page read from an entity's feed.</summary>
/// <param name="Messages">The messages, oldest first.</param>
/// <param name="Dropped">How many messages the feed has dropped since it was created (across restarts, when feeds are persisted), because it was full.</param>
/// <param name="LastSequence">The sequence number of the newest message the feed has held (0 when none): pass it back to read on.</param>
public sealed record FeedPage(IReadOnlyList<FeedMessage> Messages, long Dropped, long LastSequence);
