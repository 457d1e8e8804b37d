using System.Text;
using MCPilot.Routing;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// An entity's feed (<see cref="FeedUri"/>) or its DMs (<see cref="DirectMessagesUri"/>) as an MCP
/// resource: reading it shows the unread messages without marking them read (the tools do that),
/// and a client that subscribes gets <c>notifications/resources/updated</c> when new ones arrive.
/// </summary>
internal sealed class EntityFeedResource : McpServerResource
{
    /// <summary>The URI of the feed: the channel and thread messages routed to the entity.</summary>
    public const string FeedUri = "mcpilot://feed";

    /// <summary>The URI of the entity's direct messages.</summary>
    public const string DirectMessagesUri = "mcpilot://dms";

    private const int MaxShown = 100;

    private readonly IEntityContext _context;
    private readonly FeedNames _names;

    private EntityFeedResource(IEntityContext context, FeedNames names, ResourceTemplate template)
    {
        _context = context;
        _names = names;
        ProtocolResourceTemplate = template;
    }

    public string Uri => ProtocolResourceTemplate.UriTemplate;

    public override ResourceTemplate ProtocolResourceTemplate { get; }

    public override IReadOnlyList<object> Metadata { get; } = [];

    /// <summary>The feed and DM resources of one session.</summary>
    public static IReadOnlyList<EntityFeedResource> For(IEntityContext context, FeedNames names, string entityName) =>
    [
        new(context, names, Template(FeedUri, "feed", $"{entityName}'s unread channel messages",
            $"The unread messages in the channels {entityName} may use, mentions marked. Subscribe to be told when new ones arrive; read them (and mark them read) with wait_for_messages or get_mentions.")),
        new(context, names, Template(DirectMessagesUri, "dms", $"{entityName}'s unread direct messages",
            $"The unread direct messages routed to {entityName}. Subscribe to be told when new ones arrive; read them (and mark them read) with read_dms.")),
    ];

    public override bool IsMatch(string uri) => string.Equals(uri, Uri, StringComparison.Ordinal);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EntityCallFilter.Attach(request, _context);
        var direct = Uri == DirectMessagesUri;
        var feed = Feed;
        var page = feed.Read(limit: MaxShown, markRead: false);
        var text = new StringBuilder();
        FeedText.Append(
            text,
            direct ? $"Unread direct messages ({feed.UnreadCount}), oldest first:" : $"Unread channel messages ({feed.UnreadCount}, {feed.UnreadMentionCount} addressing you), oldest first:",
            direct ? "No unread direct messages." : "No unread channel messages.",
            page,
            _names,
            _context.EntityId);
        return ValueTask.FromResult(new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = Uri, MimeType = "text/plain", Text = text.ToString() }],
        });
    }

    private static ResourceTemplate Template(string uri, string name, string title, string description) =>
        new() { UriTemplate = uri, Name = name, Title = title, Description = description, MimeType = "text/plain" };

    /// <summary>The feed this resource shows.</summary>
    public IEntityFeed Feed => Uri == DirectMessagesUri ? _context.DirectMessages : _context.Feed;
}
