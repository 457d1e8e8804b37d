using System.Security.Cryptography;
using MCPilot.AspNetCore.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.AspNetCore.Http;

/// <summary>
/// The Streamable HTTP transport at <c>{prefix}/{entityId}</c>: POST carries client messages
/// (answered as JSON or as an event stream), GET opens the session's stream of server messages,
/// DELETE ends the session. Sessions are bound to the entity that opened them.
/// </summary>
internal sealed class StreamableHttpHandler(
    EntityRequestGate gate,
    EntitySessionManager sessions,
    EntitySessionOpener opener,
    IOptionsMonitor<EntityEndpointOptions> options,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory)
{
    public async Task PostAsync(HttpContext context)
    {
        var request = await gate.AdmitAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (!JsonRpcHttp.Accepts(context.Request, "application/json") || !JsonRpcHttp.Accepts(context.Request, "text/event-stream"))
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, JsonRpcHttp.InvalidRequest,
                "Not Acceptable: a Streamable HTTP client must accept both application/json and text/event-stream.").ConfigureAwait(false);
            return;
        }

        var settings = options.CurrentValue;
        var message = await JsonRpcHttp.ReadMessageAsync(context, settings.MaxRequestBodyBytes).ConfigureAwait(false);
        if (message is null || await ProtocolVersionCheck.RefuseUnsupportedAsync(context, message).ConfigureAwait(false))
        {
            return;
        }

        message.Context ??= new();
        message.Context.User = request.User;
        var requestId = (message as JsonRpcRequest)?.Id ?? default;
        if (settings.SessionMode == EntitySessionMode.Stateless)
        {
            await ServeStatelessAsync(context, request, message).ConfigureAwait(false);
            return;
        }

        var sessionId = context.Request.Headers[ProtocolVersionCheck.SessionIdHeader].ToString();
        EntitySession? session;
        if (sessionId.Length == 0)
        {
            if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
            {
                await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, JsonRpcHttp.InvalidRequest,
                    "Bad Request: there is no session yet. Send initialize first, then send the Mcp-Session-Id it returns with every request.", requestId).ConfigureAwait(false);
                return;
            }

            session = await OpenSessionAsync(context, request, requestId).ConfigureAwait(false);
            if (session is null)
            {
                return;
            }
        }
        else
        {
            session = await FindSessionAsync(context, request, sessionId, requestId).ConfigureAwait(false);
            if (session is null)
            {
                return;
            }
        }

        using (session.Use())
        {
            await RespondAsync(context, (StreamableHttpServerTransport)session.Transport, message).ConfigureAwait(false);
        }
    }

    public async Task GetAsync(HttpContext context)
    {
        var request = await gate.AdmitAsync(context).ConfigureAwait(false);
        if (request is null || await RefuseStatelessAsync(context).ConfigureAwait(false) || await ProtocolVersionCheck.RefuseUnsupportedAsync(context, null).ConfigureAwait(false))
        {
            return;
        }

        if (!JsonRpcHttp.Accepts(context.Request, "text/event-stream"))
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, JsonRpcHttp.InvalidRequest,
                "Not Acceptable: the GET stream is text/event-stream; send Accept: text/event-stream.").ConfigureAwait(false);
            return;
        }

        var session = await FindSessionAsync(context, request, context.Request.Headers[ProtocolVersionCheck.SessionIdHeader].ToString(), default).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        if (session.Transport is not StreamableHttpServerTransport transport)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, JsonRpcHttp.SessionNotFound,
                "Session not found: this is a legacy SSE session; it has no Streamable HTTP GET stream.").ConfigureAwait(false);
            return;
        }

        if (!session.TryStartGet())
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status409Conflict, JsonRpcHttp.InvalidRequest,
                "Conflict: this session already has its GET stream open (one per session). Start a new session to open another.").ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using (session.Use())
        {
            JsonRpcHttp.StartEventStream(context);
            try
            {
                await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                await transport.HandleGetRequestAsync(context.Response.Body, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The client went away, or the host is stopping: that is how event streams end.
            }
        }
    }

    public async Task DeleteAsync(HttpContext context)
    {
        var request = await gate.AdmitAsync(context).ConfigureAwait(false);
        if (request is null || await RefuseStatelessAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var session = await FindSessionAsync(context, request, context.Request.Headers[ProtocolVersionCheck.SessionIdHeader].ToString(), default).ConfigureAwait(false);
        if (session is not null)
        {
            await sessions.RemoveAsync(session, "deleted").ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    internal static string NewSessionId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    private async Task<EntitySession?> OpenSessionAsync(HttpContext context, EntityRequest request, RequestId requestId)
    {
        var id = NewSessionId();
        var transport = new StreamableHttpServerTransport(loggerFactory) { SessionId = id };
        var session = await opener.OpenAsync(context, request, id, transport, requestId).ConfigureAwait(false);
        if (session is null)
        {
            return null;
        }

        session.RunTask = session.Server.RunAsync(CancellationToken.None);
        context.Response.Headers[ProtocolVersionCheck.SessionIdHeader] = id;
        return session;
    }

    private async Task<EntitySession?> FindSessionAsync(HttpContext context, EntityRequest request, string sessionId, RequestId requestId)
    {
        if (sessionId.Length == 0)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, JsonRpcHttp.InvalidRequest,
                "Bad Request: the Mcp-Session-Id header is required. Send the id that initialize returned.", requestId).ConfigureAwait(false);
            return null;
        }

        var session = sessions.Find(sessionId, request.EntityId);
        if (session is null)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, JsonRpcHttp.SessionNotFound,
                "Session not found: it expired, was closed, or belongs to another entity. Start a new session with initialize.", requestId).ConfigureAwait(false);
            return null;
        }

        context.Response.Headers[ProtocolVersionCheck.SessionIdHeader] = session.Id;
        return session;
    }

    private async Task ServeStatelessAsync(HttpContext context, EntityRequest request, JsonRpcMessage message)
    {
        var transport = new StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        var session = opener.CreateStateless(context, request, transport);
        session.RunTask = session.Server.RunAsync(context.RequestAborted);
        await using (session.ConfigureAwait(false))
        {
            await RespondAsync(context, transport, message).ConfigureAwait(false);
        }
    }

    private static async Task RespondAsync(HttpContext context, StreamableHttpServerTransport transport, JsonRpcMessage message)
    {
        JsonRpcHttp.StartEventStream(context);
        var wrote = await transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        if (!wrote)
        {
            context.Response.Headers.ContentType = (string?)null;
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    private async Task<bool> RefuseStatelessAsync(HttpContext context)
    {
        if (options.CurrentValue.SessionMode != EntitySessionMode.Stateless)
        {
            return false;
        }

        context.Response.Headers.Allow = HttpMethods.Post;
        await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, JsonRpcHttp.InvalidRequest,
            "Method Not Allowed: this server runs without sessions (MCPilot:Endpoints:SessionMode is Stateless), so there is no GET stream or DELETE; use POST.").ConfigureAwait(false);
        return true;
    }
}
