using System.Net;

namespace MCPilot.AspNetCore.Tests.Http;

public sealed class LegacySseHandlerTests
{
    [Fact]
    public async Task Stream_OverCapAllBusy_Same429AsStreamableHttp()
    {
        await using var host = await EntityHost.StartAsync(o => o.MaxSessionsPerEntity = 1);
        var (entity, key) = await host.CreateEntityAsync("Ada");
        using var client = host.Client(key);
        var busy = await RawHttp.InitializeAsync(client, host.EntityUrl(entity.Id), key);
        using var get = new HttpRequestMessage(HttpMethod.Get, host.EntityUrl(entity.Id));
        get.Headers.Add("Accept", "text/event-stream");
        get.Headers.Add("Mcp-Session-Id", busy);
        using var stream = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        using var streamable = await client.SendAsync(RawHttp.Post(host.EntityUrl(entity.Id), RawHttp.Initialize, key), TestContext.Current.CancellationToken);
        using var legacy = await client.GetAsync(host.EntityUrl(entity.Id, "/sse"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, streamable.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, legacy.StatusCode);
        var (streamableCode, streamableMessage, _) = await RawHttp.ErrorAsync(streamable);
        var (legacyCode, legacyMessage, _) = await RawHttp.ErrorAsync(legacy);
        Assert.Equal(streamableCode, legacyCode);
        Assert.Equal(streamableMessage, legacyMessage);
        Assert.Contains("MCPilot:Endpoints:MaxSessionsPerEntity", legacyMessage, StringComparison.Ordinal);
    }
}
