using System.Globalization;
using System.Text.Json;
using MCPilot.AspNetCore.Tests.Npm;

namespace MCPilot.Host.Tests.Playground;

/// <summary>
/// The playground end to end with the TypeScript MCP SDK client (from npm): connect as the demo
/// entity, post, hear a human addressing it, and after /talk, get a DM in read_dms. Every step goes
/// through FakeDiscord and the host's Gateway, as it would through Discord.
/// </summary>
public sealed class PlaygroundEndToEndTests : ConnectedPlayground
{
    [Fact]
    public async Task TypeScriptClient_PostsHearsAMentionAndGetsADmAfterTalk()
    {
        var host = Host;
        await host.WaitReadyAsync();
        var world = World;
        var state = State;
        var mcpUrl = new Uri(host.BaseUrl, $"mcp/{host.Demo.Entity.Id}");
        const string Post = "Hello, playground! Ada here, over the TypeScript SDK.";
        const string Mention = "Ada, welcome! What are you working on?";
        const string Dm = "Hi Ada, a private question for you.";

        var client = NodeRunner.RunAsync(
            [Path.Combine("scripts", "playground-e2e.mjs"), mcpUrl.ToString(), host.Demo.Key, world.General.Id.ToString(CultureInfo.InvariantCulture), Post, Mention, Dm],
            TimeSpan.FromSeconds(90));

        // (2) The post lands in FakeDiscord as Ada, through the channel's webhook.
        var posted = await Eventually.WaitAsync(() => state.GetMessages(world.General.Id).FirstOrDefault(m => m.Content == Post), "Ada's post in #general", TimeSpan.FromSeconds(60));
        Assert.Equal("Ada", posted.Username);
        Assert.NotNull(posted.WebhookId);

        // (3) A human's message that names Ada reaches her feed.
        state.PostUserMessage(world.General.Id, world.Bob.Id, Mention);

        // (4) Alice picks Ada with /talk, then DMs the bot.
        var talk = await host.RunCommandAsync(world.Alice, world.General, "talk", ("entity", "Ada"));
        Assert.Contains("now go to **Ada**", Assert.Single(talk.Replies), StringComparison.Ordinal);
        state.SendDirectMessage(world.Alice.Id, Dm);

        var (exit, output, error) = await client;
        Assert.True(exit == 0, $"node exited {exit}: {error}{output}");
        var seen = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.Contains("send_message", seen.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
        Assert.False(seen.GetProperty("sent").GetProperty("isError").GetBoolean(), seen.GetProperty("sent").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Object, seen.GetProperty("mention").ValueKind);
        Assert.Contains("Bob", seen.GetProperty("mention").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, seen.GetProperty("dms").ValueKind);
        Assert.Contains("Alice", seen.GetProperty("dms").GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
