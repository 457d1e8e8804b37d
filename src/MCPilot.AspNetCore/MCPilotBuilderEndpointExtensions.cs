using MCPilot.AspNetCore;
using MCPilot.AspNetCore.Authentication;
using MCPilot.AspNetCore.Http;
using MCPilot.AspNetCore.Security;
using MCPilot.AspNetCore.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the services behind <c>app.MapMCPilot()</c>.</summary>
public static class MCPilotBuilderEndpointExtensions
{
    /// <summary>
    /// Adds the entity MCP endpoints' services, with <see cref="EntityEndpointOptions"/> bound from
    /// <c>MCPilot:Endpoints</c> and validated at start: sessions, API-key authentication (more
    /// <see cref="IEntityAuthenticator"/>s may be added), DNS-rebinding protection, health checks,
    /// and the removal of path keys from requests before they are logged.
    /// </summary>
    public static IMCPilotBuilder AddEntityEndpoints(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(StreamableHttpHandler)))
        {
            return builder;
        }

        builder.AddEntities();
        services.AddValidatedOptions<EntityEndpointOptions>(EntityEndpointOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityEndpointOptions>, EntityEndpointOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEntityAuthenticator, ApiKeyEntityAuthenticator>());
        services.TryAddSingleton<RequestOriginValidator>();
        services.TryAddSingleton<EntityRequestGate>();
        services.TryAddSingleton<EntitySessionManager>();
        services.TryAddSingleton<IEntitySessions>(sp => sp.GetRequiredService<EntitySessionManager>());
        services.TryAddSingleton<EntitySessionOpener>();
        services.TryAddSingleton<StreamableHttpHandler>();
        services.TryAddSingleton<LegacySseHandler>();
        services.TryAddSingleton<AvatarHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EntitySessionReaper>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EntitySessionCloser>());
        services.AddHealthChecks().AddCheck<EntityRegistryHealthCheck>("mcpilot-entities", tags: [MCPilotEndpointRouteBuilderExtensions.ReadyTag]);
        DecorateServer(services);
        return builder;
    }

    /// <summary>Adds the endpoints' services and configures <see cref="EntityEndpointOptions"/> in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddEntityEndpoints(this IMCPilotBuilder builder, Action<EntityEndpointOptions> configure) =>
        builder.AddConfigured(static b => b.AddEntityEndpoints(), configure);

    /// <summary>Adds the endpoints' services and binds <see cref="EntityEndpointOptions"/> from <paramref name="section"/>.</summary>
    public static IMCPilotBuilder AddEntityEndpoints(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<EntityEndpointOptions>(static b => b.AddEntityEndpoints(), section);

    // Wraps the registered web server (Kestrel) so that keys in paths are removed before hosting logs the request.
    private static void DecorateServer(IServiceCollection services)
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IServer))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return;
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Singleton<IServer>(sp =>
        {
            var server = inner.ImplementationInstance as IServer
                ?? inner.ImplementationFactory?.Invoke(sp) as IServer
                ?? (IServer)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!);
            return new UrlKeyScrubbingServer(server, sp.GetRequiredService<IOptions<EntityEndpointOptions>>().Value.PathPrefix);
        });
    }
}
