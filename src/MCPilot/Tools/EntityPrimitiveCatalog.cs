using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// The tools, prompts and resources every entity session serves, built once from the registered
/// classes: each public method marked <c>[McpServerTool]</c>, <c>[McpServerPrompt]</c> or
/// <c>[McpServerResource]</c> becomes one. An instance method's class is created per request from
/// the request's services, so its constructor can take <see cref="IEntityContext"/> and any other service.
/// </summary>
internal sealed class EntityPrimitiveCatalog
{
    private readonly Lazy<McpServerPrimitiveCollection<McpServerTool>> _tools;
    private readonly Lazy<McpServerPrimitiveCollection<McpServerPrompt>> _prompts;
    private readonly Lazy<McpServerResourceCollection> _resources;

    public EntityPrimitiveCatalog(IEnumerable<EntityPrimitiveType> types, IServiceProvider services)
    {
        var registered = types.Distinct().ToArray();
        Type[] Of(EntityPrimitiveKind kind) => [.. registered.Where(t => t.Kind == kind).Select(t => t.Type)];
        _tools = new(() => Build(Of(EntityPrimitiveKind.Tool), new McpServerPrimitiveCollection<McpServerTool>(), "tool", typeof(McpServerToolAttribute), CreateTool(services), t => t.ProtocolTool.Name, []));
        _prompts = new(() => Build(Of(EntityPrimitiveKind.Prompt), new McpServerPrimitiveCollection<McpServerPrompt>(), "prompt", typeof(McpServerPromptAttribute), CreatePrompt(services), p => p.ProtocolPrompt.Name, [EntityPersonaPrompt.Name]));
        _resources = new(() => Build(Of(EntityPrimitiveKind.Resource), new McpServerResourceCollection(), "resource", typeof(McpServerResourceAttribute), CreateResource(services), Uri, [EntityFeedResource.FeedUri, EntityFeedResource.DirectMessagesUri]));
    }

    /// <summary>The tools (shared by every session; never changed after it is built).</summary>
    public McpServerPrimitiveCollection<McpServerTool> Tools => _tools.Value;

    /// <summary>The plugins' prompts (besides each entity's own persona prompt).</summary>
    public McpServerPrimitiveCollection<McpServerPrompt> Prompts => _prompts.Value;

    /// <summary>The plugins' resources and resource templates (besides each entity's feed resources).</summary>
    public McpServerResourceCollection Resources => _resources.Value;

    private static TCollection Build<TPrimitive, TCollection>(
        Type[] types, TCollection collection, string kind, Type attribute, Func<Type, MethodInfo, TPrimitive> create, Func<TPrimitive, string> name, string[] reserved)
        where TPrimitive : IMcpServerPrimitive
        where TCollection : McpServerPrimitiveCollection<TPrimitive>
    {
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!method.IsDefined(attribute))
                {
                    continue;
                }

                var primitive = create(type, method);
                var primitiveName = name(primitive);
                var taken = reserved.Contains(primitiveName, StringComparer.Ordinal);
                if (taken || !collection.TryAdd(primitive))
                {
                    throw new InvalidOperationException(taken
                        ? $"The entity {kind} '{primitiveName}' ({type.FullName}.{method.Name}) has the name of one MCPilot serves itself. Give it another name in its attribute."
                        : $"Two entity {kind}s are named '{primitiveName}' ({type.FullName}.{method.Name} and another). Give one of them another name in its attribute.");
                }
            }
        }

        return collection;
    }

    private static string Uri(McpServerResource resource) => resource.ProtocolResourceTemplate.UriTemplate;

    private static Func<Type, MethodInfo, McpServerTool> CreateTool(IServiceProvider services) => (type, method) =>
    {
        var options = new McpServerToolCreateOptions { Services = services, SerializerOptions = EntityToolJson.Options };
        return method.IsStatic
            ? McpServerTool.Create(method, target: null, options)
            : McpServerTool.Create(method, CreateTarget<CallToolRequestParams>(type), options);
    };

    private static Func<Type, MethodInfo, McpServerPrompt> CreatePrompt(IServiceProvider services) => (type, method) =>
    {
        // Prompt arguments are strings: MCP's own JSON options (EntityToolJson's lenient string converter would hide their schema).
        var options = new McpServerPromptCreateOptions { Services = services };
        return method.IsStatic
            ? McpServerPrompt.Create(method, target: null, options)
            : McpServerPrompt.Create(method, CreateTarget<GetPromptRequestParams>(type), options);
    };

    private static Func<Type, MethodInfo, McpServerResource> CreateResource(IServiceProvider services) => (type, method) =>
    {
        var options = new McpServerResourceCreateOptions { Services = services };
        return method.IsStatic
            ? McpServerResource.Create(method, target: null, options)
            : McpServerResource.Create(method, CreateTarget<ReadResourceRequestParams>(type), options);
    };

    private static Func<RequestContext<TParams>, object> CreateTarget<TParams>(Type type)
    {
        var factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        return request => factory(request.Services ?? throw new InvalidOperationException("The MCP request has no services."), null);
    }
}
