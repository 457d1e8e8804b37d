namespace MCPilot.Host.Tests.Discord;

/// <summary>/status through FakeDiscord's interactions: for members with Manage Server only.</summary>
public sealed class StatusSlashCommandTests : ConnectedPlayground
{
    [Fact]
    public async Task Status_ManageServer_ShowsGatewayShardsEntitiesSessionsAndUptime()
    {
        var world = Host.Playground.Demo;

        // Alice owns the playground server, so Discord gives her every permission, Manage Server included.
        var answer = await Host.RunCommandAsync(world.Alice, world.General, "status");

        Assert.True(answer.Ephemeral);
        var text = Assert.Single(answer.Replies);
        Assert.StartsWith("**MCPilot status: ", text, StringComparison.Ordinal);
        Assert.Matches(@"Gateway: ready · latency (\d+ ms|n/a) · shards ready 1/1 · [\d.]+ events/s", text);
        Assert.Contains("Entities: 1 (1 in this server) · MCP sessions open: 0", text, StringComparison.Ordinal);
        Assert.Matches(@"Uptime: \d+", text);
        Assert.DoesNotContain(DataDirectory, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithoutManageServer_Refused()
    {
        var world = Host.Playground.Demo;

        var answer = await Host.RunCommandAsync(world.Bob, world.General, "status");

        Assert.True(answer.Ephemeral);
        Assert.Equal("You need the Manage Server permission to use /status.", Assert.Single(answer.Replies));
    }
}
