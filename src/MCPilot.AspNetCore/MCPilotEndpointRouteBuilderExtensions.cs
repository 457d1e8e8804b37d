using MCPilot.AspNetCore;
using MCPilot.AspNetCore.Http;
using MCPilot.AspNetCore.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps MCPilot's HTTP endpoints.</summary>
public static partial class MCPilotEndpointRouteBuilderExtensions
{
    /// <summary>The tag of health checks that readiness includes.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Maps every entity's MCP endpoint: Streamable HTTP at <c>{PathPrefix}/{entityId}</c> (POST, and
    /// in stateful mode GET and DELETE), the legacy HTTP+SSE transport at <c>…/sse</c> and
    /// <c>…/message</c>, uploaded avatars at <c>/mcpilot/avatars/…</c>, and the health (liveness)
    /// and readiness endpoints. Requires <c>AddMCPilot().AddEntityEndpoints()</c>.
    /// </summary>
    /// <returns>The group of entity endpoints, for further conventions (rate limiting, CORS, …).</returns>
    public static IEndpointConventionBuilder MapMCPilot(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var streamable = services.GetService<StreamableHttpHandler>()
            ?? throw new InvalidOperationException("MapMCPilot() needs MCPilot's endpoint services: call builder.Services.AddMCPilot().AddEntityEndpoints() at start-up.");
        var options = services.GetRequiredService<IOptions<EntityEndpointOptions>>().Value;
        if (options.AllowKeyInPath && services.GetService<IServer>() is not UrlKeyScrubbingServer)
        {
            LogKeysUnprotected(services.GetRequiredService<ILoggerFactory>().CreateLogger("MCPilot.AspNetCore"));
        }

        var group = endpoints.MapGroup(options.PathPrefix + "/{entityId}").WithDisplayName(b => $"MCPilot entity | {b.DisplayName}");
        group.MapPost(string.Empty, streamable.PostAsync);
        group.MapGet(string.Empty, streamable.GetAsync);
        group.MapDelete(string.Empty, streamable.DeleteAsync);
        if (options.EnableLegacySse && options.SessionMode == EntitySessionMode.Stateful)
        {
            var sse = services.GetRequiredService<LegacySseHandler>();
            group.MapGet("/sse", sse.StreamAsync);
            group.MapPost("/message", sse.MessageAsync);
        }

        endpoints.MapGet(MCPilot.Entities.EntityRegistry.AvatarPathPrefix + "{entityId}/{file}", services.GetRequiredService<AvatarHandler>().GetAsync);
        if (options.HealthPath is { } health)
        {
            endpoints.MapHealthChecks(health, new HealthCheckOptions { Predicate = _ => false });
        }

        if (options.ReadinessPath is { } ready)
        {
            endpoints.MapHealthChecks(ready, new HealthCheckOptions
            {
                Predicate = c => c.Tags.Contains(ReadyTag),
                ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK },
            });
        }

        return group;
    }

    [LoggerMessage(1, LogLevel.Warning, "MCPilot:Endpoints:AllowKeyInPath is on, but the web server was registered after AddEntityEndpoints() (or is not Kestrel), so keys in paths are not removed before request logging and will not authenticate. Call AddEntityEndpoints() after the web host is configured.")]
    private static partial void LogKeysUnprotected(ILogger logger);
}
