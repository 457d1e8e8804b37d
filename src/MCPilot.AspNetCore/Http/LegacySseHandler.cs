using System.Globalization;
using MCPilot.AspNetCore.Security;
using MCPilot.AspNetCore.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace MCPilot.AspNetCore.Http;

/// <summary>
/// The legacy HTTP+SSE transport (protocol 2024-11-05), for older clients: GET
/// <c>{prefix}/{entityId}/sse</c> opens the event stream, whose first event names the message
/// endpoint <c>{prefix}/{entityId}/message?sessionId=…</c> that the client POSTs to. The session
/// lives as long as the stream and counts against the entity's session cap.
/// </summary>
internal sealed class LegacySseHandler(
    EntityRequestGate gate,
    EntitySessionManager sessions,
    EntitySessionOpener opener,
    IOptionsMonitor<EntityEndpointOptions> options,
    IHostApplicationLifetime lifetime)
{
    public async Task StreamAsync(HttpContext context)
    {
        var request = await gate.AdmitAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var id = StreamableHttpHandler.NewSessionId();
        var settings = options.CurrentValue;
        var keyInPath = context.Features.Get<UrlKeyFeature>() is { } feature ? "/k/" + Uri.EscapeDataString(feature.Key) : string.Empty;
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"{context.Request.PathBase}{settings.PathPrefix}/{request.EntityId}{keyInPath}/message?sessionId={id}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var transport = new SseResponseStreamTransport(context.Response.Body, endpoint, id);
        var session = await opener.OpenAsync(context, request, id, transport).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        try
        {
            using (session.Use())
            {
                JsonRpcHttp.StartEventStream(context);
                var pump = transport.RunAsync(stop.Token);
                session.RunTask = session.Server.RunAsync(stop.Token);
                try
                {
                    await Task.WhenAny(pump, session.RunTask).ConfigureAwait(false);
                    await pump.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The client closed the stream, or the host is stopping.
                }
            }
        }
        finally
        {
            await sessions.RemoveAsync(session, "stream closed").ConfigureAwait(false);
        }
    }

    public async Task MessageAsync(HttpContext context)
    {
        var request = await gate.AdmitAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var sessionId = context.Request.Query["sessionId"].ToString();
        if (sessionId.Length == 0)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, JsonRpcHttp.InvalidRequest,
                "Bad Request: the sessionId query parameter is missing. Post to the endpoint the SSE stream announced.").ConfigureAwait(false);
            return;
        }

        if (sessions.Find(sessionId, request.EntityId) is not { Transport: SseResponseStreamTransport transport } session)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, JsonRpcHttp.SessionNotFound,
                "Session not found: the SSE stream closed, or the session belongs to another entity. Open a new stream at /sse.").ConfigureAwait(false);
            return;
        }

        var message = await JsonRpcHttp.ReadMessageAsync(context, options.CurrentValue.MaxRequestBodyBytes).ConfigureAwait(false);
        if (message is null)
        {
            return;
        }

        message.Context ??= new();
        message.Context.User = request.User;
        using (session.Use())
        {
            await transport.OnMessageReceivedAsync(message, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsync("Accepted", context.RequestAborted).ConfigureAwait(false);
    }
}
