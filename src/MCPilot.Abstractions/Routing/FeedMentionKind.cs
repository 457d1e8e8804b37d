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
