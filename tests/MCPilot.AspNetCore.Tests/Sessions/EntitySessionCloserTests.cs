using System.Net;
using MCPilot.AspNetCore.Http;
using MCPilot.AspNetCore.Sessions;
using MCPilot.AspNetCore.Tests.Http;
using MCPilot.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.AspNetCore.Tests.Sessions;

/// <summary>
/// Sessions end with their entity and with the key that opened them, open streams included (an open
/// GET or SSE stream never counts as idle, so nothing else would end it). Over real HTTP.
/// </summary>
public sealed class EntitySessionCloserTests : IAsyncLifetime
{
    private static readonly TimeSpan StreamEndTimeout = TimeSpan.FromSeconds(15);

    private readonly List<HttpResponseMessage> _streams = [];
    private EntityHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EntityHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams)
        {
            stream.Dispose();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EntityDeleted_StreamableGetAndLegacySseStreamsEnd()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client(key);
        var (session, get) = await OpenSessionWithGetAsync(client, entity.Id, key);
        var sse = await OpenLegacySseAsync(client, entity.Id);
        Assert.Equal(2, Sessions.CountFor(entity.Id));

        Assert.True(await _host.Registry.DeleteAsync(entity.Id, TestContext.Current.CancellationToken));

        await ReadToEndAsync(get);
        await ReadToEndAsync(sse);
        Assert.Equal(0, Sessions.CountFor(entity.Id));
        Assert.Null(Sessions.Find(session, entity.Id));
        using var after = await PingAsync(client, entity.Id, key, session);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task EntityGoneOnRefresh_ItsStreamEnds()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client(key);
        var (session, get) = await OpenSessionWithGetAsync(client, entity.Id, key);

        // Another process (an operator CLI, another host) deleted it from the store; this host refreshes.
        await _host.Services.GetRequiredService<IEntityStore>().DeleteAsync(entity.Id, TestContext.Current.CancellationToken);
        Assert.Null(await _host.Registry.RefreshAsync(entity.Id, TestContext.Current.CancellationToken));

        await ReadToEndAsync(get);
        Assert.Equal(0, Sessions.CountFor(entity.Id));
    }

    [Fact]
    public async Task KeyRevoked_SessionsItOpenedEnd_OtherKeysSessionsStay()
    {
        var (entity, _) = await _host.CreateEntityAsync("Ada");
        var keys = _host.Services.GetRequiredService<EntityKeys>();
        var revoked = await keys.CreateAsync(entity.Id, "laptop", cancellationToken: TestContext.Current.CancellationToken);
        var kept = await keys.CreateAsync(entity.Id, "desktop", cancellationToken: TestContext.Current.CancellationToken);
        using var revokedClient = _host.Client(revoked.Key);
        using var keptClient = _host.Client(kept.Key);
        var (revokedSession, revokedGet) = await OpenSessionWithGetAsync(revokedClient, entity.Id, revoked.Key);
        var revokedSse = await OpenLegacySseAsync(revokedClient, entity.Id);
        var (keptSession, keptGet) = await OpenSessionWithGetAsync(keptClient, entity.Id, kept.Key);
        Assert.Equal(3, Sessions.CountFor(entity.Id));

        Assert.True(await keys.RevokeAsync(entity.Id, revoked.Credential.Id, TestContext.Current.CancellationToken));

        await ReadToEndAsync(revokedGet);
        await ReadToEndAsync(revokedSse);
        using var closed = await PingAsync(keptClient, entity.Id, kept.Key, revokedSession);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(JsonRpcHttp.SessionNotFound, (await RawHttp.ErrorAsync(closed)).Code);
        using var open = await PingAsync(keptClient, entity.Id, kept.Key, keptSession);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(1, Sessions.CountFor(entity.Id));
        Assert.NotNull(Sessions.Find(keptSession, entity.Id));
    }

    [Fact]
    public async Task KeyRotated_OldKeysSessionEnds()
    {
        var (entity, _) = await _host.CreateEntityAsync("Ada");
        var keys = _host.Services.GetRequiredService<EntityKeys>();
        var old = await keys.CreateAsync(entity.Id, "laptop", cancellationToken: TestContext.Current.CancellationToken);
        using var client = _host.Client(old.Key);
        var (session, get) = await OpenSessionWithGetAsync(client, entity.Id, old.Key);

        var rotated = await keys.RotateAsync(entity.Id, old.Credential.Id, cancellationToken: TestContext.Current.CancellationToken);

        await ReadToEndAsync(get);
        using var closed = await PingAsync(client, entity.Id, rotated.Key, session);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
    }

    private EntitySessionManager Sessions => _host.Services.GetRequiredService<EntitySessionManager>();

    private async Task<(string Session, HttpResponseMessage Stream)> OpenSessionWithGetAsync(HttpClient client, EntityId entityId, string key)
    {
        var session = await RawHttp.InitializeAsync(client, _host.EntityUrl(entityId), key);
        return (session, await OpenGetAsync(client, entityId, session));
    }

    private Task<HttpResponseMessage> PingAsync(HttpClient client, EntityId entityId, string key, string session) =>
        client.SendAsync(RawHttp.Post(_host.EntityUrl(entityId), """{"jsonrpc":"2.0","id":2,"method":"ping"}""", key, session), TestContext.Current.CancellationToken);

    private async Task<HttpResponseMessage> OpenGetAsync(HttpClient client, EntityId entityId, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.EntityUrl(entityId));
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add("Mcp-Session-Id", session);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        _streams.Add(response);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return response;
    }

    private async Task<HttpResponseMessage> OpenLegacySseAsync(HttpClient client, EntityId entityId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.EntityUrl(entityId, "/sse"));
        request.Headers.Add("Accept", "text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        _streams.Add(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The first event names the message endpoint: once it arrives, the session is registered.
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[4096];
        Assert.True(await stream.ReadAsync(buffer, TestContext.Current.CancellationToken) > 0);
        return response;
    }

    private static async Task ReadToEndAsync(HttpResponseMessage response)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StreamEndTimeout);
        var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        try
        {
            await stream.CopyToAsync(Stream.Null, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"The stream did not end within {StreamEndTimeout}.");
        }
        catch (HttpIOException)
        {
            // The server ended the response: the stream is over.
        }
    }
}
