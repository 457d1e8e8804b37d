using System.Net;
using MCPilot.AspNetCore.Tests.Http;
using ModelContextProtocol.Client;

namespace MCPilot.AspNetCore.Tests.Security;

public sealed class KeyInPathTests
{
    [Fact]
    public async Task KeyInPath_Enabled_ClientConnectsAndKeyNeverLogged()
    {
        await using var host = await EntityHost.StartAsync(o => o.AllowKeyInPath = true);
        var (entity, key) = await host.CreateEntityAsync("Ada");
        var url = host.EntityUrl(entity.Id, "/k/" + key);

        await using (var client = await McpClients.ConnectAsync(url, key: null))
        {
            Assert.Contains(await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken), t => t.Name == "whoami");
        }

        await using (var sse = await McpClients.ConnectAsync(host.EntityUrl(entity.Id, "/k/" + key + "/sse"), key: null, "2024-11-05", HttpTransportMode.Sse))
        {
            Assert.Contains(await sse.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken), t => t.Name == "whoami");
        }

        Assert.Contains(host.Logs.Lines, l => l.Contains("Request starting", StringComparison.Ordinal) && l.Contains($"/mcp/{entity.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(key, StringComparison.Ordinal) || l.Contains(key[..20], StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyInPath_Disabled_Refused401AndStillNotLogged()
    {
        await using var host = await EntityHost.StartAsync();
        var (entity, key) = await host.CreateEntityAsync("Ada");
        using var client = host.Client();

        using var response = await client.SendAsync(RawHttp.Post(host.EntityUrl(entity.Id, "/k/" + key), RawHttp.Initialize), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(key[..20], StringComparison.Ordinal));
    }

    [Fact]
    public async Task BearerKey_NeverInLogs()
    {
        await using var host = await EntityHost.StartAsync();
        var (entity, key) = await host.CreateEntityAsync("Ada");

        await using (var client = await McpClients.ConnectAsync(host.EntityUrl(entity.Id), key))
        {
            await client.CallToolAsync("whoami", cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(key[..20], StringComparison.Ordinal));
    }
}
