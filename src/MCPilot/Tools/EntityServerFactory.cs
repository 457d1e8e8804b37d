using System.Reflection;
using MCPilot.Entities;
using MCPilot.Routing;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// Builds the MCP server of one entity session: its identity and instructions, the entity tools
/// (filtered by the entity's allow-list), its persona prompt and the plugins' prompts, its feed
/// resources (with subscriptions that notify the client of new messages) and the plugins'
/// resources, and the filters that make the entity context available to tools, prompts and
/// resources and turn tool failures into tool errors. Transports (the HTTP endpoints)
/// call it once per session.
/// </summary>
public sealed class EntityServerFactory
{
    private static readonly string Version = typeof(EntityServerFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly EntityDirectory _directory;
    private readonly EntityRouter _router;
    private readonly EntitySendLimiters _limiters;
    private readonly OwnMessageLedger _ledger;
    private readonly EntityPrimitiveCatalog _catalog;
    private readonly EntityCallFilter _filter;
    private readonly FeedNames _names;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal EntityServerFactory(EntityDirectory directory, EntityRouter router, EntitySendLimiters limiters, OwnMessageLedger ledger, EntityPrimitiveCatalog catalog, EntityCallFilter filter, FeedNames names, TimeProvider time, ILogger<EntityServerFactory> logger)
    {
        _directory = directory;
        _router = router;
        _limiters = limiters;
        _ledger = ledger;
        _catalog = catalog;
        _filter = filter;
        _names = names;
        _time = time;
        _logger = logger;
    }

    /// <summary>The names of the tools entity sessions serve (before an entity's allow-list).</summary>
    public IReadOnlyCollection<string> ToolNames => [.. _catalog.Tools.PrimitiveNames];

    /// <summary>The context tools of <paramref name="entityId"/>'s sessions receive.</summary>
    public IEntityContext CreateContext(EntityId entityId) =>
        new EntityContext(entityId, _directory, _router, _limiters, _ledger, _time);

    /// <summary>
    /// The server options and notifier of a new session of an entity. A stateless session
    /// (<paramref name="stateless"/>) has no stream to notify on, so it offers no subscriptions.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entity is not known to this host.</exception>
    public EntityServerSession CreateSession(EntityId entityId, bool stateless = false)
    {
        var entity = _directory.Get(entityId) ?? throw new InvalidOperationException($"Entity {entityId} is not known to this host.");
        var context = CreateContext(entityId);
        var resources = EntityFeedResource.For(context, _names, entity.Name);
        var plugins = _catalog.Resources;
        var notifier = new EntityFeedNotifier(resources, uri => plugins.Any(r => r.IsMatch(uri)), _time, _logger);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "mcpilot", Title = entity.Name, Version = Version },
            ServerInstructions = Instructions(entity),
            Capabilities = new ServerCapabilities
            {
                Tools = new ToolsCapability { ListChanged = false },
                Prompts = new PromptsCapability { ListChanged = false },
                Resources = new ResourcesCapability { ListChanged = false, Subscribe = !stateless },

                // Plugin prompts and resources may take arguments: answer completion/complete for them.
                Completions = _catalog.Prompts.IsEmpty && plugins.IsEmpty ? null : new CompletionsCapability(),
            },
            ToolCollection = _catalog.Tools,
            PromptCollection = [new EntityPersonaPrompt(context, entity.Name), .. _catalog.Prompts],
            ResourceCollection = [.. resources, .. plugins],
            ScopeRequests = !stateless,
        };
        if (!stateless)
        {
            options.Handlers.SubscribeToResourcesHandler = notifier.SubscribeAsync;
            options.Handlers.UnsubscribeFromResourcesHandler = notifier.UnsubscribeAsync;
        }

        options.Filters.Request.CallToolFilters.Add(_filter.CallTool(context));
        options.Filters.Request.GetPromptFilters.Add(EntityCallFilter.Attaching<GetPromptRequestParams, GetPromptResult>(context));
        options.Filters.Request.ReadResourceFilters.Add(EntityCallFilter.Attaching<ReadResourceRequestParams, ReadResourceResult>(context));
        options.Filters.Request.ListToolsFilters.Add(next => async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            var current = context.Entity;
            if (current.ToolAllowList is not null)
            {
                result.Tools = [.. result.Tools.Where(t => current.MayCall(t.Name))];
            }

            return result;
        });
        return new EntityServerSession(options, notifier);
    }

    private static string Instructions(Entity entity)
    {
        var about = string.IsNullOrWhiteSpace(entity.Description) ? string.Empty : $" ({entity.Description.Trim()})";
        return $"You are connected to Discord through MCPilot as the entity \"{entity.Name}\"{about}. " +
            $"Call {EntityInfoTools.WhoAmI} to see the servers and channels you may use, and get the prompt \"{EntityPersonaPrompt.Name}\" for how to speak as {entity.Name}. " +
            $"New messages wait in your feed: wait_for_messages returns them (get_mentions only those addressing you, read_dms your direct messages); subscribe to {EntityFeedResource.FeedUri} and {EntityFeedResource.DirectMessagesUri} to be notified.";
    }
}
