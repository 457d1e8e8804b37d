using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// The tools every entity session serves, built once from the registered tool classes: each
/// public method marked <c>[McpServerTool]</c> becomes an MCP tool. An instance method's class is
/// created per call from the request's services, so its constructor can take
/// <see cref="IEntityContext"/> and any other service.
/// </summary>
internal sealed class EntityToolCatalog
{
    private readonly Lazy<McpServerPrimitiveCollection<McpServerTool>> _tools;

    public EntityToolCatalog(IEnumerable<EntityToolType> types, IServiceProvider services)
    {
        var distinct = types.Select(t => t.Type).Distinct().ToArray();
        _tools = new(() => Build(distinct, services));
    }

    /// <summary>The tools (shared by every session; never changed after it is built).</summary>
    public McpServerPrimitiveCollection<McpServerTool> Tools => _tools.Value;

    private static McpServerPrimitiveCollection<McpServerTool> Build(IEnumerable<Type> types, IServiceProvider services)
    {
        var collection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var type in types)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null);
            foreach (var method in methods)
            {
                var options = new McpServerToolCreateOptions { Services = services, SerializerOptions = EntityToolJson.Options };
                var tool = method.IsStatic
                    ? McpServerTool.Create(method, target: null, options)
                    : McpServerTool.Create(method, CreateTarget(type), options);
                if (!collection.TryAdd(tool))
                {
                    throw new InvalidOperationException($"Two entity tools are named '{tool.ProtocolTool.Name}' ({type.FullName}.{method.Name} and another). Give one of them another Name in [McpServerTool].");
                }
            }
        }

        return collection;
    }

    private static Func<RequestContext<CallToolRequestParams>, object> CreateTarget(Type type)
    {
        var factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        return request => factory(request.Services ?? throw new InvalidOperationException("The MCP request has no services."), null);
    }
}
