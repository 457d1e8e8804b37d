namespace MCPilot.Routing;

/// <summary>Why a message in an entity's feed addresses the entity (flags; none means it was only seen).</summary>
[Flags]
public enum FeedMentionKind
{
    /// <summary>The message does not address the entity; it was seen in a channel the entity covers.</summary>
    None = 0,

    /// <summary>The message names the entity.</summary>
    Name = 1,

    /// <summary>The message mentions the entity's role.</summary>
    Role = 2,

    /// <summary>The message replies to one of the entity's messages.</summary>
    Reply = 4,

    /// <summary>
    /// A direct message to the bot routed to the entity (a reply to one of its DMs, or from a user
    /// whose active entity it is); such messages are held in <c>IEntityContext.DirectMessages</c>.
    /// </summary>
    Direct = 8,
}

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
