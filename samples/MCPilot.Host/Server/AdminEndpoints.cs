using System.Net;
using System.Security.Cryptography;
using System.Text;
using MCPilot.Entities;
using MCPilot.Host.Status;

namespace MCPilot.Host.Server;

/// <summary>
/// The admin endpoints the operator CLI calls on a running host: live status, and "re-read this
/// entity". Only loopback callers that present the token of <c>host.json</c> (new at every start,
/// readable only by the host's user) get in.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapHostAdmin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(AdminPaths.Prefix).AddEndpointFilter(async (context, next) =>
            IsAdmin(context.HttpContext) ? await next(context) : Results.Unauthorized());

        group.MapGet("/status", async (HostStatus status, CancellationToken cancellationToken) =>
            Results.Json(await status.ReadAsync(HostStatusScope.Live, cancellationToken), HostJson.Default.HostStatusReport));

        group.MapPost("/entities/{entityId}/refresh", async (string entityId, EntityRegistry registry, CancellationToken cancellationToken) =>
        {
            if (!EntityId.TryParse(entityId, out var id))
            {
                return Results.BadRequest();
            }

            await registry.RefreshAsync(id, cancellationToken);
            return Results.NoContent();
        });
    }

    private static bool IsAdmin(HttpContext context)
    {
        var runtime = context.RequestServices.GetRequiredService<HostRuntime>().Info;
        if (runtime is null || context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..]), Encoding.UTF8.GetBytes(runtime.AdminToken));
    }
}
