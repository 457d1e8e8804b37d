using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.AspNetCore.Tests.Http;

public sealed class StreamableHttpHandlerTests : IAsyncLifetime
{
    private EntityHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EntityHost.StartAsync(o => o.MaxRequestBodyBytes = 4096);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_UnknownSession_404WithMinus32001()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client();

        using var response = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), """{"jsonrpc":"2.0","id":5,"method":"tools/list"}""", key, session: "no-such-session"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (code, message, error) = await RawHttp.ErrorAsync(response);
        Assert.Equal(-32001, code);
        Assert.Contains("Start a new session with initialize", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoSessionNotInitialize_400()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client();

        using var response = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), """{"jsonrpc":"2.0","id":5,"method":"tools/list"}""", key), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Send initialize first", (await RawHttp.ErrorAsync(response)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Session_LaterRequests404()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client(key);
        var session = await RawHttp.InitializeAsync(client, _host.EntityUrl(entity.Id), key);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, _host.EntityUrl(entity.Id));
        delete.Headers.Add("Mcp-Session-Id", session);

        using var deleted = await client.SendAsync(delete, TestContext.Current.CancellationToken);
        using var after = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), """{"jsonrpc":"2.0","id":2,"method":"ping"}""", key, session), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory]
    [InlineData("{not json", 400, -32700, "Parse error")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"}]""", 400, -32600, "batches are not supported")]
    [InlineData("""{"hello":"world"}""", 400, -32600, "not a JSON-RPC 2.0")]
    [InlineData("null", 400, -32600, "empty or null")]
    public async Task Post_MalformedBody_JsonRpcErrorNever500(string body, int status, int code, string expected)
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client();

        using var response = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), body, key), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        var error = await RawHttp.ErrorAsync(response);
        Assert.Equal(code, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongContentType_415()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client();

        using var response = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), RawHttp.Initialize, key, contentType: "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await RawHttp.ErrorAsync(response)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NotAcceptingEventStream_406()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client();

        using var response = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), RawHttp.Initialize, key, accept: "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizeBody_413NamesTheSetting()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client(key);
        var session = await RawHttp.InitializeAsync(client, _host.EntityUrl(entity.Id), key);
        var big = """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"add","arguments":{"a":1,"b":2,"pad":"PAD"}}}""".Replace("PAD", new string('x', 5000), StringComparison.Ordinal);

        using var response = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), big, key, session), TestContext.Current.CancellationToken);
        using var still = await client.SendAsync(RawHttp.Post(_host.EntityUrl(entity.Id), """{"jsonrpc":"2.0","id":4,"method":"ping"}""", key, session), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MCPilot:Endpoints:MaxRequestBodyBytes", (await RawHttp.ErrorAsync(response)).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Theory]
    [InlineData("2026-07-28", "initialize")]
    [InlineData("", "server/discover")]
    [InlineData("1999-01-01", "initialize")]
    public async Task Post_SessionlessOrUnknownProtocol_Minus32022ListsSupported(string header, string method)
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client();
        using var request = RawHttp.Post(_host.EntityUrl(entity.Id), """{"jsonrpc":"2.0","id":9,"method":"METHOD","params":{}}""".Replace("METHOD", method, StringComparison.Ordinal), key);
        if (header.Length > 0)
        {
            request.Headers.Add("MCP-Protocol-Version", header);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, _, error) = await RawHttp.ErrorAsync(response);
        Assert.Equal(-32022, code);
        Assert.Contains("2025-11-25", error.GetProperty("data").GetProperty("supported").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Get_WithSession_OpensEventStreamOnlyOnce()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client(key);
        var session = await RawHttp.InitializeAsync(client, _host.EntityUrl(entity.Id), key);
        using var first = Get(entity.Id, session);
        using var second = Get(entity.Id, session);

        using var stream = await client.SendAsync(first, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var conflict = await client.SendAsync(second, TestContext.Current.CancellationToken);

        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task Sessions_OverCapWithIdleSession_OldestIdleEvicted()
    {
        await using var host = await EntityHost.StartAsync(o => o.MaxSessionsPerEntity = 2);
        var (entity, key) = await host.CreateEntityAsync("Ada");
        using var client = host.Client(key);
        var first = await RawHttp.InitializeAsync(client, host.EntityUrl(entity.Id), key);
        var second = await RawHttp.InitializeAsync(client, host.EntityUrl(entity.Id), key);

        var third = await RawHttp.InitializeAsync(client, host.EntityUrl(entity.Id), key);

        Assert.Equal(HttpStatusCode.NotFound, await PingAsync(host, client, entity.Id, key, first));
        Assert.Equal(HttpStatusCode.OK, await PingAsync(host, client, entity.Id, key, second));
        Assert.Equal(HttpStatusCode.OK, await PingAsync(host, client, entity.Id, key, third));
    }

    [Fact]
    public async Task Sessions_OverCapAllBusy_Same429OnBothTransportsNamesTheSetting()
    {
        await using var host = await EntityHost.StartAsync(o => o.MaxSessionsPerEntity = 1);
        var (entity, key) = await host.CreateEntityAsync("Ada");
        using var client = host.Client(key);
        var busy = await RawHttp.InitializeAsync(client, host.EntityUrl(entity.Id), key);
        using var get = new HttpRequestMessage(HttpMethod.Get, host.EntityUrl(entity.Id));
        get.Headers.Add("Accept", "text/event-stream");
        get.Headers.Add("Mcp-Session-Id", busy);
        using var stream = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        using var refused = await client.SendAsync(RawHttp.Post(host.EntityUrl(entity.Id), RawHttp.Initialize, key), TestContext.Current.CancellationToken);
        using var legacyRefused = await client.GetAsync(host.EntityUrl(entity.Id, "/sse"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var message = (await RawHttp.ErrorAsync(refused)).Message;
        Assert.Contains("MCPilot:Endpoints:MaxSessionsPerEntity", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, legacyRefused.StatusCode);
        Assert.Equal(message, (await RawHttp.ErrorAsync(legacyRefused)).Message);
        var (other, otherKey) = await host.CreateEntityAsync("Bob");
        Assert.NotNull(await RawHttp.InitializeAsync(client, host.EntityUrl(other.Id), otherKey));
    }

    [Fact]
    public async Task Sessions_IdlePastTimeout_Reaped()
    {
        var time = new MCPilot.Testing.ManualTimeProvider();
        await using var host = await EntityHost.StartAsync(o => { o.IdleTimeout = TimeSpan.FromMinutes(10); o.ReapInterval = TimeSpan.FromSeconds(5); }, s => s.AddSingleton<TimeProvider>(time));
        var (entity, key) = await host.CreateEntityAsync("Ada");
        using var client = host.Client(key);
        var session = await RawHttp.InitializeAsync(client, host.EntityUrl(entity.Id), key);
        var sessions = host.Services.GetRequiredService<MCPilot.AspNetCore.Sessions.EntitySessionManager>();

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, await PingAsync(host, client, entity.Id, key, session));
        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));

        for (var i = 0; i < 200 && sessions.Count > 0; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.NotFound, await PingAsync(host, client, entity.Id, key, session));
    }

    [Fact]
    public async Task Stateless_PostsWithoutSession_ServedGetRefused405()
    {
        await using var host = await EntityHost.StartAsync(o => o.SessionMode = EntitySessionMode.Stateless);
        var (entity, key) = await host.CreateEntityAsync("Ada");
        using var client = host.Client(key);
        await using var mcp = await McpClients.ConnectAsync(host.EntityUrl(entity.Id), key);

        var tools = await mcp.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var call = await client.SendAsync(RawHttp.Post(host.EntityUrl(entity.Id), """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":1,"b":1}}}""", key), TestContext.Current.CancellationToken);
        using var get = await client.SendAsync(Get(entity.Id, "x", host), TestContext.Current.CancellationToken);

        Assert.Contains(tools, t => t.Name == "whoami");
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Contains("\"text\":\"2\"", await call.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Null(call.Headers.Contains("Mcp-Session-Id") ? "session" : null);
    }

    [Fact]
    public async Task Health_LiveAndReady_200()
    {
        using var client = _host.Client();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Readiness_StoreUnreachable_503UntilLoaded()
    {
        var failing = true;
        await using var host = await EntityHost.StartAsync(failLoad: () => failing);
        using var client = host.Client();

        using var notReady = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        failing = false;
        await host.WaitReadyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
    }

    [Fact]
    public async Task Avatar_Uploaded_ServedPubliclyWithImmutableCaching()
    {
        await using var host = await EntityHost.StartAsync(publicBaseUrl: true);
        var (entity, _) = await host.CreateEntityAsync("Ada");
        var png = MCPilot.Tests.Fakes.TestImages.Png(64, 64);
        var updated = await host.Registry.SetAvatarImageAsync(entity.Id, png, TestContext.Current.CancellationToken);
        using var client = host.Client();

        using var response = await client.GetAsync(new Uri(updated.AvatarUrl!.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
        using var stale = await client.GetAsync(new Uri($"/mcpilot/avatars/{entity.Id}/0000000000000000.png", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    private HttpRequestMessage Get(EntityId id, string session, EntityHost? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, (host ?? _host).EntityUrl(id));
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add("Mcp-Session-Id", session);
        return request;
    }

    private static async Task<HttpStatusCode> PingAsync(EntityHost host, HttpClient client, EntityId id, string key, string session)
    {
        using var response = await client.SendAsync(RawHttp.Post(host.EntityUrl(id), """{"jsonrpc":"2.0","id":2,"method":"ping"}""", key, session), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
