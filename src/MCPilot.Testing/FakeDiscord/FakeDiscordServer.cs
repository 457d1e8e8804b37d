using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// A Discord v10 server on loopback, for tests and for running any Discord client without
/// Discord: a stateful world (<see cref="State"/>) behind Discord's REST routes under <c>/api/v10</c>
/// and its Gateway (<see cref="Gateway"/>, a WebSocket at <see cref="GatewayUrl"/>),
/// Discord's shapes and error codes, its rate-limit headers and 429s (<see cref="FakeDiscordRateLimits"/>),
/// injectable faults (<see cref="Faults"/>), Gateway-shaped dispatches of every change
/// (<see cref="FakeDiscordState.Events"/>) and a JSON Lines recording of every exchange.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private const int MaxExchanges = 10_000;
    private static readonly string[] RecordedResponseHeaders = ["Content-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket", "X-RateLimit-Scope", "X-RateLimit-Global", "Retry-After"];
    private readonly WebApplication _app;
    private readonly FakeDiscordOptions _options;
    private readonly FakeDiscordRateLimiter _limiter;
    private readonly FakeDiscordRecorder? _recorder;
    private readonly byte[] _authorization;
    private readonly Lock _exchangesGate = new();
    private readonly Queue<FakeDiscordExchange> _exchanges = new();
    private long _requests;
    private long _tooManyRequests;

    private FakeDiscordServer(WebApplication app, FakeDiscordOptions options, FakeDiscordState state, string token)
    {
        _app = app;
        _options = options;
        State = state;
        BotToken = token;
        _authorization = Encoding.UTF8.GetBytes("Bot " + token);
        _limiter = new FakeDiscordRateLimiter(options.RateLimits, options.TimeProvider);
        _recorder = FakeDiscordRecorder.Create(options);
        state.GatewayOptions = options.Gateway;
        Gateway = new FakeGateway(state, options.Gateway, options.TimeProvider, token);
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5181/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The REST API's base, e.g. <c>http://127.0.0.1:5181/api/v10/</c>: give it to a client as its API URL.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>The Gateway URL <c>/gateway/bot</c> reports, e.g. <c>ws://127.0.0.1:5181</c>.</summary>
    public string GatewayUrl => State.GatewayUrl;

    /// <summary>The Gateway: its sessions, and the faults to inject into it.</summary>
    public FakeGateway Gateway { get; }

    /// <summary>The bot token FakeDiscord accepts (<c>Authorization: Bot &lt;token&gt;</c>).</summary>
    public string BotToken { get; }

    /// <summary>The world behind the API: seed it, inject activity, inspect what bots did.</summary>
    public FakeDiscordState State { get; }

    /// <summary>Faults to inject.</summary>
    public FakeDiscordFaults Faults { get; } = new();

    /// <summary>The file exchanges are recorded to, or null.</summary>
    public string? RecordingPath => _recorder?.Path;

    /// <summary>Requests answered (dropped ones included).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>429s answered (rate limits and injected storms).</summary>
    public long TooManyRequestsCount => Interlocked.Read(ref _tooManyRequests);

    /// <summary>The last 10,000 exchanges, oldest first.</summary>
    public IReadOnlyList<FakeDiscordExchange> Exchanges
    {
        get
        {
            lock (_exchangesGate)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <summary>Starts FakeDiscord on <see cref="FakeDiscordOptions.Host"/> (127.0.0.1) and <see cref="FakeDiscordOptions.Port"/> (a free one by default).</summary>
    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeDiscordOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, FakeDiscordHostLifetime>();
        var address = options.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host);
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        var app = builder.Build();
        var state = new FakeDiscordState(options.TimeProvider, options.BotUserId, options.BotUsername, options.InteractionResponseWindow);
        var token = options.BotToken ?? NewToken(state.BotUser.Id);
        var server = new FakeDiscordServer(app, options, state, token);
        server.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        server.BaseUrl = new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/");
        server.ApiBaseUrl = new Uri(server.BaseUrl, "api/v10/");
        state.GatewayUrl = $"ws://{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        return server;
    }

    /// <summary>Stops the server and closes the recording.</summary>
    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _recorder?.Dispose();
    }

    /// <summary>A realistic bot token: the bot id in base64, a timestamp part and an HMAC-like part.</summary>
    private static string NewToken(ulong botId)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{B64(Encoding.ASCII.GetBytes(botId.ToString(CultureInfo.InvariantCulture)))}.{B64(RandomNumberGenerator.GetBytes(4))}.{B64(RandomNumberGenerator.GetBytes(28))}";
    }

    private void Map(WebApplication app)
    {
        var s = State;
        FakeDiscordRoute[] routes =
        [
            new("GET", "/gateway", s.GetGateway, FakeRouteAuth.PathToken, FakeRouteLimit.Default),
            new("GET", "/gateway/bot", s.GetGatewayBot, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/users/@me", s.GetCurrentUser, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/applications/@me", s.GetCurrentApplication, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/users/@me/guilds", s.GetCurrentUserGuilds, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("POST", "/users/@me/channels", s.CreateDm, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/guilds/{guild_id}", s.GetGuild, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/guilds/{guild_id}/channels", s.GetGuildChannels, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/guilds/{guild_id}/threads/active", s.GetActiveThreads, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/guilds/{guild_id}/members", s.ListMembers, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/guilds/{guild_id}/members/{user_id}", s.GetMember, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/guilds/{guild_id}/roles", s.GetRoles, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/channels/{channel_id}", s.GetChannel, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/channels/{channel_id}/messages", s.GetChannelMessages, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("POST", "/channels/{channel_id}/messages", s.CreateChannelMessage, FakeRouteAuth.Bot, FakeRouteLimit.MessageCreate),
            new("GET", "/channels/{channel_id}/messages/{message_id}", s.GetChannelMessage, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("PATCH", "/channels/{channel_id}/messages/{message_id}", s.EditChannelMessage, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("DELETE", "/channels/{channel_id}/messages/{message_id}", s.DeleteChannelMessage, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me", s.AddOwnReaction, FakeRouteAuth.Bot, FakeRouteLimit.Reactions),
            new("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me", s.RemoveOwnReaction, FakeRouteAuth.Bot, FakeRouteLimit.Reactions),
            new("POST", "/channels/{channel_id}/threads", s.CreateThreadWithoutMessage, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/channels/{channel_id}/webhooks", s.GetChannelWebhooks, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("POST", "/channels/{channel_id}/webhooks", s.CreateChannelWebhook, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/webhooks/{webhook_id}", s.GetWebhook, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("DELETE", "/webhooks/{webhook_id}", s.DeleteWebhookRoute, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/webhooks/{webhook_id}/{webhook_token}", s.GetWebhookWithToken, FakeRouteAuth.PathToken, FakeRouteLimit.Default),
            new("POST", "/webhooks/{webhook_id}/{webhook_token}", s.ExecuteWebhook, FakeRouteAuth.PathToken, FakeRouteLimit.WebhookExecute),
            new("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", s.GetWebhookMessage, FakeRouteAuth.PathToken, FakeRouteLimit.Default),
            new("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", s.EditWebhookMessage, FakeRouteAuth.PathToken, FakeRouteLimit.Default),
            new("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", s.DeleteWebhookMessage, FakeRouteAuth.PathToken, FakeRouteLimit.Default),
            new("GET", "/applications/{application_id}/commands", s.GetCommands, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("PUT", "/applications/{application_id}/commands", s.OverwriteCommands, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("GET", "/applications/{application_id}/guilds/{guild_id}/commands", s.GetCommands, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", s.OverwriteCommands, FakeRouteAuth.Bot, FakeRouteLimit.Default),
            new("POST", "/interactions/{interaction_id}/{interaction_token}/callback", s.InteractionCallback, FakeRouteAuth.Interaction, FakeRouteLimit.Default),
        ];
        app.UseWebSockets();
        app.Map("/", Gateway.AcceptAsync);
        app.Map("/resume", Gateway.AcceptAsync);
        foreach (var route in routes)
        {
            app.MapMethods("/api/v10" + route.Template, [route.Method], context => HandleAsync(context, route));
        }

        app.MapFallback(context => HandleAsync(context, null));
    }

    private async Task HandleAsync(HttpContext context, FakeDiscordRoute? route)
    {
        Interlocked.Increment(ref _requests);
        var http = context.Request;
        var bodyBytes = await ReadBodyAsync(http, context.RequestAborted).ConfigureAwait(false);
        var template = route?.Template ?? http.Path.Value?.Replace("/api/v10", "", StringComparison.Ordinal) ?? "";
        var exchange = new JsonObject
        {
            ["method"] = http.Method,
            ["path"] = http.Path.Value,
            ["query"] = http.QueryString.HasValue ? http.QueryString.Value![1..] : "",
            ["request_headers"] = RequestHeaders(http),
            ["request_body"] = null,
        };
        JsonNode? body;
        try
        {
            body = ParseBody(bodyBytes, http.ContentType);
            exchange["request_body"] = body?.DeepClone();
        }
        catch (FakeDiscordError error)
        {
            await RespondAsync(context, exchange, error.Status, error.ToJson(), null, template).ConfigureAwait(false);
            return;
        }

        if (route is null)
        {
            var known = http.Path.StartsWithSegments("/api/v10", StringComparison.Ordinal);
            await RespondAsync(context, exchange, 404, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 }, null, known ? template : http.Path.Value ?? "").ConfigureAwait(false);
            return;
        }

        var latency = Faults.LatencyFor(route.Method, route.Template);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        var fault = Faults.Take(route.Method, route.Template);
        if (fault is { AfterProcessing: false, Kind: FakeDiscordFaults.FaultKind.Drop or FakeDiscordFaults.FaultKind.ServerError })
        {
            await InjectAsync(context, route, fault, body).ConfigureAwait(false);
            return;
        }

        if (route.Auth == FakeRouteAuth.Bot && !Authorized(http))
        {
            await RespondAsync(context, exchange, 401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 }, null, route.Template).ConfigureAwait(false);
            return;
        }

        var values = context.Request.RouteValues.ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (RateLimit(route, values, http, headers, out var limited))
        {
            await RespondAsync(context, exchange, 429, limited, headers, route.Template).ConfigureAwait(false);
            return;
        }

        if (fault is { Kind: FakeDiscordFaults.FaultKind.RateLimit })
        {
            await RespondAsync(context, exchange, 429, Storm(fault, headers), headers, route.Template, injected: true).ConfigureAwait(false);
            return;
        }

        var query = http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        FakeResponse response;
        try
        {
            response = State.Handle(route.Handler, new FakeRequest { Method = route.Method, Template = route.Template, Route = values, Query = query, Body = body });
        }
        catch (FakeDiscordError error)
        {
            response = new FakeResponse(error.Status, error.ToJson());
        }

        if (fault is not null)
        {
            // The request took effect; only its answer is lost.
            await InjectAsync(context, route, fault, body).ConfigureAwait(false);
            return;
        }

        await RespondAsync(context, exchange, response.Status, response.Body, headers, route.Template).ConfigureAwait(false);
    }

    private bool Authorized(HttpRequest http)
    {
        var header = http.Headers.Authorization.ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), _authorization);
    }

    /// <summary>Applies the global and route limits; fills the rate-limit headers; true with a 429 body when limited.</summary>
    private bool RateLimit(FakeDiscordRoute route, Dictionary<string, string> values, HttpRequest http, Dictionary<string, string> headers, out JsonObject? body)
    {
        body = null;
        var limits = _limiter.Limits;
        if (!limits.Enabled)
        {
            return false;
        }

        var interaction = route.Auth == FakeRouteAuth.Interaction || (route.Auth == FakeRouteAuth.PathToken && values.GetValueOrDefault("webhook_id") == State.ApplicationId.ToString(CultureInfo.InvariantCulture));
        if (!interaction)
        {
            // Interaction endpoints are not bound to the global limit; others count per token (or per IP without one).
            var identity = http.Headers.Authorization.Count > 0 ? "bot" : "ip:" + http.HttpContext.Connection.RemoteIpAddress;
            if (_limiter.TakeGlobal(identity) is { } wait)
            {
                headers["Retry-After"] = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Global"] = "true";
                headers["X-RateLimit-Scope"] = "global";
                body = RateLimitBody(wait, global: true, "You are being rate limited.");
                return true;
            }
        }

        var (rule, name) = route.Limit switch
        {
            FakeRouteLimit.MessageCreate => (limits.MessageCreate, "message-create"),
            FakeRouteLimit.WebhookExecute => (limits.WebhookExecute, "webhook-execute"),
            FakeRouteLimit.Reactions => (limits.Reactions, "reactions"),
            _ => (limits.Default, route.Method + " " + route.Template),
        };
        var hash = FakeDiscordRateLimiter.Hash(name);
        var decision = _limiter.Take(hash + "|" + route.MajorParameter(values), rule);
        var resetAfter = Math.Ceiling(decision.ResetAfter.TotalMilliseconds) / 1000.0;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ((_options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0) + resetAfter).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = hash;
        if (!decision.Limited)
        {
            return false;
        }

        headers["Retry-After"] = Math.Ceiling(resetAfter).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = "user";
        body = RateLimitBody(decision.ResetAfter, global: false, "You are being rate limited.");
        return true;
    }

    private static JsonObject Storm(FakeDiscordFaults.Fault fault, Dictionary<string, string> headers)
    {
        var seconds = Math.Ceiling(fault.RetryAfter.TotalMilliseconds) / 1000.0;
        headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = fault.Scope.ToString().ToLowerInvariant();
        if (fault.Scope == FakeRateLimitScope.Global)
        {
            headers["X-RateLimit-Global"] = "true";
        }
        else
        {
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = seconds.ToString("0.000", CultureInfo.InvariantCulture);
        }

        return RateLimitBody(fault.RetryAfter, fault.Scope == FakeRateLimitScope.Global, fault.Scope == FakeRateLimitScope.Shared ? "The resource is being rate limited." : "You are being rate limited.");
    }

    /// <summary>
    /// The docs mark <c>code</c> optional in a 429 body; the spec requires it. Code 0 satisfies
    /// both (the docs win where they disagree, and here they do not forbid it).
    /// </summary>
    private static JsonObject RateLimitBody(TimeSpan retryAfter, bool global, string message) => new()
    {
        ["message"] = message,
        ["retry_after"] = Math.Ceiling(retryAfter.TotalMilliseconds) / 1000.0,
        ["global"] = global,
        ["code"] = 0,
    };

    /// <summary>
    /// An injected 5xx or dropped connection. Neither is recorded, because the spec cannot
    /// describe them: it declares only 2xx, 4XX and 429 answers for every operation, while Discord's
    /// docs list 502 (gateway unavailable) and other 5xx (FakeDiscord answers those with an HTML
    /// page, not JSON), and a dropped connection has no answer at all. Injected 429 storms are recorded: the spec
    /// declares 429 with the body they carry.
    /// </summary>
    private async Task InjectAsync(HttpContext context, FakeDiscordRoute route, FakeDiscordFaults.Fault fault, JsonNode? body)
    {
        var http = context.Request;
        Remember(new FakeDiscordExchange(route.Method, route.Template, http.Path + http.QueryString, fault.Kind == FakeDiscordFaults.FaultKind.Drop ? 0 : fault.Status, body, Injected: true));
        if (fault.Kind == FakeDiscordFaults.FaultKind.Drop)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync($"<html><body>{fault.Status} injected by FakeDiscord</body></html>", context.RequestAborted).ConfigureAwait(false);
    }

    private async Task RespondAsync(HttpContext context, JsonObject exchange, int status, JsonNode? body, Dictionary<string, string>? headers, string template, bool injected = false)
    {
        var response = context.Response;
        response.StatusCode = status;
        var recordedHeaders = new JsonObject();
        foreach (var (name, value) in headers ?? [])
        {
            response.Headers[name] = value;
        }

        if (body is not null)
        {
            response.ContentType = "application/json";
        }

        foreach (var name in RecordedResponseHeaders)
        {
            if (response.Headers.TryGetValue(name, out var value))
            {
                recordedHeaders[name] = value.ToString();
            }
        }

        if (status == 429)
        {
            Interlocked.Increment(ref _tooManyRequests);
        }

        exchange["status"] = status;
        exchange["response_headers"] = recordedHeaders;
        exchange["response_body"] = body?.DeepClone();
        if (FakeDiscordRecorder.SpecCanDescribe(body))
        {
            _recorder?.Write(exchange);
        }

        var http = context.Request;
        Remember(new FakeDiscordExchange(http.Method, template, http.Path + http.QueryString, status, exchange["request_body"]?.DeepClone(), injected));
        if (body is not null)
        {
            await response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private void Remember(FakeDiscordExchange exchange)
    {
        lock (_exchangesGate)
        {
            _exchanges.Enqueue(exchange);
            if (_exchanges.Count > MaxExchanges)
            {
                _exchanges.Dequeue();
            }
        }
    }

    private static JsonObject RequestHeaders(HttpRequest http)
    {
        var headers = new JsonObject();
        if (http.Headers.Authorization.Count > 0)
        {
            var value = http.Headers.Authorization.ToString();
            headers["Authorization"] = value.StartsWith("Bot ", StringComparison.Ordinal) ? "Bot <redacted>" : "<redacted>";
        }

        if (http.Headers.UserAgent.Count > 0)
        {
            headers["User-Agent"] = http.Headers.UserAgent.ToString();
        }

        if (http.ContentType is { } type)
        {
            headers["Content-Type"] = type;
        }

        return headers;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>A JSON body, or the <c>payload_json</c> part of a multipart body; invalid JSON is Discord's 50109.</summary>
    private static JsonNode? ParseBody(byte[] bytes, string? contentType)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        if (contentType is not null && contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var text = Encoding.UTF8.GetString(bytes);
            var marker = text.IndexOf("name=\"payload_json\"", StringComparison.Ordinal);
            if (marker < 0)
            {
                return null;
            }

            var start = text.IndexOf("\r\n\r\n", marker, StringComparison.Ordinal) + 4;
            var end = text.IndexOf("\r\n--", start, StringComparison.Ordinal);
            bytes = Encoding.UTF8.GetBytes(text[start..end]);
        }

        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            throw new FakeDiscordError(400, 50109, "The request body contains invalid JSON.");
        }
    }
}
