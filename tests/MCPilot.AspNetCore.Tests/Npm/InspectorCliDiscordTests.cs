using MCPilot.Testing.FakeDiscord;
using static MCPilot.AspNetCore.Tests.Discord.EntityDiscordEndpointTests;

namespace MCPilot.AspNetCore.Tests.Npm;

/// <summary>The MCP Inspector's CLI mode listing and calling an entity's Discord tools on a real host whose Discord is FakeDiscord.</summary>
public sealed class InspectorCliDiscordTests : IAsyncLifetime
{
    private FakeDiscordServer _discord = null!;
    private FakeDemo _demo = null!;
    private EntityHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.Faster(20) }, TestContext.Current.CancellationToken);
        _demo = _discord.State.SeedDemo();
        _host = await EntityHost.StartAsync(discord: _discord);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Theory]
    [InlineData("http", "")]
    [InlineData("sse", "/sse")]
    public async Task Inspector_ListsSendsAndReadsAsTheEntity(string transport, string suffix)
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        var url = _host.EntityUrl(entity.Id, suffix).ToString();
        // The CLI reads --tool-arg values as JSON: quoted, the id stays a string (as a bare number it would lose digits in JavaScript).
        var channel = $"\"{Id(_demo.General.Id)}\"";

        var list = await InspectAsync(url, transport, key, "--method", "tools/list");
        var sent = await InspectAsync(url, transport, key, "--method", "tools/call", "--tool-name", "send_message", "--tool-arg", $"channel={channel}", $"content=Hello from the Inspector over {transport}");
        var read = await InspectAsync(url, transport, key, "--method", "tools/call", "--tool-name", "read_messages", "--tool-arg", $"channel={channel}", "limit=5");

        Assert.Contains("\"send_message\"", list, StringComparison.Ordinal);
        Assert.Contains("\"list_channels\"", list, StringComparison.Ordinal);
        Assert.Contains("Posted as Ada in #general", sent, StringComparison.Ordinal);
        var posted = Assert.Single(_discord.State.GetMessages(_demo.General.Id));
        Assert.Equal(("Ada", "https://avatars.example.com/ada.png", $"Hello from the Inspector over {transport}"), (posted.Username, posted.AvatarUrl, posted.Content));
        Assert.Contains($"Ada (you): Hello from the Inspector over {transport}", read, StringComparison.Ordinal);
    }

    private static async Task<string> InspectAsync(string url, string transport, string key, params string[] method)
    {
        var (exit, output, error) = await NodeRunner.RunAsync(
            [NodeRunner.Bin("@modelcontextprotocol/inspector", "clients", "launcher", "build", "index.js"), "--cli", url, "--transport", transport, "--header", $"Authorization: Bearer {key}", .. method],
            TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, $"inspector exited {exit}: {output} {error}");
        return output;
    }
}
