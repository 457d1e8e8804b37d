namespace MCPilot.Routing;

/// <summary>One message in an entity's feed.</summary>
/// <param name="Sequence">Its position in the feed: increasing, never reused, so a reader can resume after it.</param>
/// <param name="Message">The message.</param>
/// <param name="Mention">Why it addresses the entity.</param>
/// <param name="FromEntity">The entity that posted it, when another MCPilot entity did.</param>
public sealed record FeedMessage(long Sequence, InboundMessage Message, FeedMentionKind Mention, EntityId? FromEntity)
{
    /// <summary>Whether the message addresses the entity (by name, role, reply or as a direct message).</summary>
    public bool IsMention => Mention != FeedMentionKind.None;
}
