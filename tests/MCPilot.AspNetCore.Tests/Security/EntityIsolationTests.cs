using System.Net;
using MCPilot.AspNetCore.Tests.Http;
using MCPilot.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace MCPilot.AspNetCore.Tests.Security;

public sealed class EntityIsolationTests : IAsyncLifetime
{
    private EntityHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EntityHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Auth_EveryFailure_SameAnswerRevealsNothing()
    {
        var (a, keyA) = await _host.CreateEntityAsync("Ada");
        var (b, keyB) = await _host.CreateEntityAsync("Bob");
        var revoked = await _host.Services.GetRequiredService<MCPilot.Entities.EntityKeys>().CreateAsync(a.Id, cancellationToken: TestContext.Current.CancellationToken);
        await _host.Services.GetRequiredService<MCPilot.Entities.EntityKeys>().RevokeAsync(a.Id, revoked.Credential.Id, TestContext.Current.CancellationToken);
        using var client = _host.Client();
        var attempts = new (Uri Url, string? Key)[]
        {
            (_host.EntityUrl(a.Id), null),
            (_host.EntityUrl(a.Id), "mcpk_wrongwrongwr_" + new string('A', 43)),
            (_host.EntityUrl(a.Id), keyB),
            (_host.EntityUrl(a.Id), revoked.Key),
            (_host.EntityUrl(EntityId.New()), keyA),
            (new Uri(_host.BaseUrl, "/mcp/not-an-id"), keyA),
        };

        var answers = new List<string>();
        foreach (var (url, key) in attempts)
        {
            using var response = await client.SendAsync(RawHttp.Post(url, RawHttp.Initialize, key), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer realm=\"mcpilot\"", response.Headers.WwwAuthenticate.ToString());
            answers.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Single(answers.Distinct());
        await using var ok = await McpClients.ConnectAsync(_host.EntityUrl(b.Id), keyB);
    }

    [Fact]
    public async Task Sessions_OtherEntitysSession_NotFoundEvenWithValidKey()
    {
        var (a, keyA) = await _host.CreateEntityAsync("Ada");
        var (b, keyB) = await _host.CreateEntityAsync("Bob");
        using var client = _host.Client();
        var sessionA = await RawHttp.InitializeAsync(client, _host.EntityUrl(a.Id), keyA);

        using var crossed = await client.SendAsync(RawHttp.Post(_host.EntityUrl(b.Id), """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", keyB, sessionA), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(-32001, (await RawHttp.ErrorAsync(crossed)).Code);
    }

    [Fact]
    public async Task Feeds_MessageForOneEntity_NeverReachesTheOther()
    {
        var (a, keyA) = await _host.CreateEntityAsync("Ada", e => e with { Guilds = [new(1, new MCPilot.Entities.ChannelPolicy { Allow = new HashSet<ulong> { 10 } })] });
        var (b, keyB) = await _host.CreateEntityAsync("Bob", e => e with { Guilds = [new(1, new MCPilot.Entities.ChannelPolicy { Allow = new HashSet<ulong> { 20 } })] });
        var router = _host.Services.GetRequiredService<EntityRouter>();

        await router.RouteAsync(new InboundMessage { GuildId = 1, ChannelId = 10, MessageId = 1, AuthorId = 5, AuthorName = "human", Content = "hello Ada", Timestamp = DateTimeOffset.UnixEpoch }, TestContext.Current.CancellationToken);

        await using var clientA = await McpClients.ConnectAsync(_host.EntityUrl(a.Id), keyA);
        await using var clientB = await McpClients.ConnectAsync(_host.EntityUrl(b.Id), keyB);
        Assert.Contains("Feed: 1 unread", await WhoAmI(clientA), StringComparison.Ordinal);
        Assert.Contains("Feed: 0 unread", await WhoAmI(clientB), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DnsRebinding_ForeignHostOrOrigin_403LoopbackAccepted()
    {
        var (a, key) = await _host.CreateEntityAsync("Ada");
        using var client = _host.Client();

        using var badHost = RawHttp.Post(_host.EntityUrl(a.Id), RawHttp.Initialize, key);
        badHost.Headers.Host = "evil.example";
        using var badOrigin = RawHttp.Post(_host.EntityUrl(a.Id), RawHttp.Initialize, key);
        badOrigin.Headers.Add("Origin", "http://evil.example");
        using var goodOrigin = RawHttp.Post(_host.EntityUrl(a.Id), RawHttp.Initialize, key);
        goodOrigin.Headers.Add("Origin", "http://localhost:3000");

        using var r1 = await client.SendAsync(badHost, TestContext.Current.CancellationToken);
        using var r2 = await client.SendAsync(badOrigin, TestContext.Current.CancellationToken);
        using var r3 = await client.SendAsync(goodOrigin, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, r1.StatusCode);
        Assert.Contains("AllowedHosts", (await RawHttp.ErrorAsync(r1)).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, r2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, r3.StatusCode);
    }

    [Fact]
    public async Task DnsRebinding_ConfiguredHost_Accepted()
    {
        await using var host = await EntityHost.StartAsync(o => o.AllowedHosts.Add("bot.example.com"));
        var (a, key) = await host.CreateEntityAsync("Ada");
        using var client = host.Client();
        using var request = RawHttp.Post(host.EntityUrl(a.Id), RawHttp.Initialize, key);
        request.Headers.Host = "bot.example.com:443";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> WhoAmI(ModelContextProtocol.Client.McpClient client)
    {
        var result = await client.CallToolAsync("whoami", cancellationToken: TestContext.Current.CancellationToken);
        return Assert.IsType<TextContentBlock>(result.Content[0]).Text;
    }
}
