using System.Text.Json;
using MCPilot.AspNetCore.Tests.Discord;
using static MCPilot.AspNetCore.Tests.Discord.EntityDiscordEndpointTests;

namespace MCPilot.AspNetCore.Tests.Npm;

/// <summary>
/// The TypeScript SDK's client (@modelcontextprotocol/sdk) driving two entities' Discord tools on a
/// real host whose Discord is FakeDiscord, over Streamable HTTP and legacy SSE.
/// </summary>
public sealed class TypeScriptSdkDiscordTests : DiscordHostTests
{
    [Theory]
    [InlineData("http", "")]
    [InlineData("sse", "/sse")]
    public async Task Client_CallsDiscordToolsAndIsNotifiedOfNewMessages(string mode, string suffix)
    {
        var (ada, keyA) = await Host.CreateEntityAsync("Ada");
        var (cyd, keyB) = await Host.CreateEntityAsync("Cyd");

        var (exit, output, error) = await NodeRunner.RunAsync(
            [Path.Combine("scripts", "sdk-discord.mjs"), mode, Host.EntityUrl(ada.Id, suffix).ToString(), keyA, Host.EntityUrl(cyd.Id, suffix).ToString(), keyB, Id(Demo.General.Id), Id(Demo.Thread.Id)],
            TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        var tools = root.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("annotations"));
        Assert.False(tools["send_message"].GetProperty("readOnlyHint").GetBoolean());
        Assert.True(tools["read_messages"].GetProperty("readOnlyHint").GetBoolean());
        Assert.False(tools["send_dm"].GetProperty("destructiveHint").GetBoolean());
        Assert.StartsWith("Posted as Cyd", Text(root, "fromB"), StringComparison.Ordinal);
        Assert.Contains($"thread {Demo.Thread.Id}", Text(root, "inThread"), StringComparison.Ordinal);
        var general = Discord.State.GetMessages(Demo.General.Id);
        Assert.Equal([("Cyd", $"Hello Ada, from Cyd over {mode}."), ("Ada", $"Ada over {mode}.")], general.Select(m => (m.Username, m.Content)));
        Assert.Equal(("Ada", $"Ada in the thread over {mode}."), Discord.State.GetMessages(Demo.Thread.Id).Select(m => (m.Username, m.Content)).Single());
        Assert.Equal("https://avatars.example.com/ada.png", general[1].AvatarUrl);
        Assert.Contains($"Ada (you): Ada over {mode}.", Text(root, "read"), StringComparison.Ordinal);
        Assert.Contains($"Cyd (AI entity): Hello Ada, from Cyd over {mode}.", Text(root, "read"), StringComparison.Ordinal);
        Assert.True(root.GetProperty("bad").GetProperty("isError").GetBoolean());
        Assert.StartsWith("'channel' must be the id of a channel or thread", Text(root, "bad"), StringComparison.Ordinal);
        Assert.Equal("mcpilot://feed", root.GetProperty("notifiedUri").GetString());
        Assert.Contains($"Hello Ada, from Cyd over {mode}.", Text(root, "waited"), StringComparison.Ordinal);
        Assert.DoesNotContain($"Ada over {mode}.\n", Text(root, "waited"), StringComparison.Ordinal);
    }

    private static string Text(JsonElement root, string name) => root.GetProperty(name).GetProperty("text").GetString()!;
}
