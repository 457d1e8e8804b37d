namespace MCPilot.Routing;

/// <summary>Which of an entity's two feeds: its channels, or the direct messages routed to it.</summary>
public enum FeedKind
{
    /// <summary>The messages of the channels the entity's policy covers (<c>IEntityContext.Feed</c>).</summary>
    Channels = 0,

    /// <summary>The direct messages routed to the entity (<c>IEntityContext.DirectMessages</c>).</summary>
    DirectMessages = 1,
}
