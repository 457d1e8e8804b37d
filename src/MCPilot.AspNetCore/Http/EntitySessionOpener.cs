using MCPilot.AspNetCore.Sessions;
using MCPilot.Tools;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace MCPilot.AspNetCore.Http;

/// <summary>
/// Opens the sessions of both transports (Streamable HTTP and legacy SSE): creates the entity
/// session's server over the transport, bound to the entity and the credential of the request, and
/// adds it within the entity's session cap, or closes it and answers 429.
/// </summary>
internal sealed class EntitySessionOpener(
    EntitySessionManager sessions,
    EntityServerFactory servers,
    IOptionsMonitor<EntityEndpointOptions> options,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    TimeProvider time)
{
    /// <summary>A session that lives for one request only (stateless mode): it is not added to the sessions.</summary>
    public EntitySession CreateStateless(HttpContext context, EntityRequest request, ITransport transport) =>
        EntitySession.Open(string.Empty, request.EntityId, request.CredentialId, transport, servers.CreateSession(request.EntityId, stateless: true), loggerFactory, context.RequestServices, time);

    /// <summary>Opens a session with <paramref name="id"/> over <paramref name="transport"/>.</summary>
    /// <returns>The session, or <see langword="null"/> when the entity is at its session cap (the 429 was written).</returns>
    public async Task<EntitySession?> OpenAsync(HttpContext context, EntityRequest request, string id, ITransport transport, RequestId requestId = default)
    {
        var session = EntitySession.Open(id, request.EntityId, request.CredentialId, transport, servers.CreateSession(request.EntityId), loggerFactory, services, time);
        if (await sessions.TryAddAsync(session).ConfigureAwait(false))
        {
            return session;
        }

        await session.DisposeAsync().ConfigureAwait(false);
        await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, JsonRpcHttp.ServerError,
            $"Too many sessions: this entity already has {options.CurrentValue.MaxSessionsPerEntity} sessions in use (MCPilot:Endpoints:MaxSessionsPerEntity). " +
            "Close clients you no longer use (a Streamable HTTP client ends its session with DELETE, a legacy SSE client by closing its stream), or retry when one is idle.",
            requestId).ConfigureAwait(false);
        return null;
    }
}
