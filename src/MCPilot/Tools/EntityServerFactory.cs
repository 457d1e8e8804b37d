using System.Reflection;
using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Routing;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// Builds the MCP server of one entity session: its identity and instructions, the entity tools
/// (filtered by the entity's allow-list), its persona prompt, and the filters that make the entity
/// context available to tools and turn failures into tool errors. Transports (the HTTP endpoints)
/// call it once per session.
/// </summary>
public sealed class EntityServerFactory
{
    private static readonly string Version = typeof(EntityServerFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly EntityDirectory _directory;
    private readonly EntityRouter _router;
    private readonly EntitySendLimiters _limiters;
    private readonly OwnMessageLedger _ledger;
    private readonly IMessageCounterStore _counters;
    private readonly EntityToolCatalog _catalog;
    private readonly EntityCallFilter _filter;
    private readonly TimeProvider _time;

    internal EntityServerFactory(EntityDirectory directory, EntityRouter router, EntitySendLimiters limiters, OwnMessageLedger ledger, IMessageCounterStore counters, EntityToolCatalog catalog, EntityCallFilter filter, TimeProvider time)
    {
        _directory = directory;
        _router = router;
        _limiters = limiters;
        _ledger = ledger;
        _counters = counters;
        _catalog = catalog;
        _filter = filter;
        _time = time;
    }

    /// <summary>The names of the tools entity sessions serve (before an entity's allow-list).</summary>
    public IReadOnlyCollection<string> ToolNames => [.. _catalog.Tools.PrimitiveNames];

    /// <summary>The context tools of <paramref name="entityId"/>'s sessions receive.</summary>
    public IEntityContext CreateContext(EntityId entityId) =>
        new EntityContext(entityId, _directory, _router, _limiters, _ledger, _counters, _time);

    /// <summary>The MCP server options of a new session of an entity.</summary>
    /// <exception cref="InvalidOperationException">The entity is not known to this host.</exception>
    public McpServerOptions CreateServerOptions(EntityId entityId)
    {
        var entity = _directory.Get(entityId) ?? throw new InvalidOperationException($"Entity {entityId} is not known to this host.");
        var context = CreateContext(entityId);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "mcpilot", Title = entity.Name, Version = Version },
            ServerInstructions = Instructions(entity),
            Capabilities = new ServerCapabilities
            {
                Tools = new ToolsCapability { ListChanged = false },
                Prompts = new PromptsCapability { ListChanged = false },
            },
            ToolCollection = _catalog.Tools,
            PromptCollection = [new EntityPersonaPrompt(context, entity.Name)],
            ScopeRequests = true,
        };
        options.Filters.Request.CallToolFilters.Add(_filter.CallTool(context));
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
        return options;
    }

    private static string Instructions(Entity entity)
    {
        var about = string.IsNullOrWhiteSpace(entity.Description) ? string.Empty : $" ({entity.Description.Trim()})";
        return $"You are connected to Discord through MCPilot as the entity \"{entity.Name}\"{about}. " +
            $"Call {EntityInfoTools.WhoAmI} to see the servers and channels you may use, and get the prompt \"{EntityPersonaPrompt.Name}\" for how to speak as {entity.Name}.";
    }
}
