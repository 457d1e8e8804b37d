using MCPilot.AspNetCore.Tests.Discord;
using static MCPilot.AspNetCore.Tests.Discord.EntityDiscordEndpointTests;

namespace MCPilot.AspNetCore.Tests.Npm;

/// <summary>The MCP Inspector's CLI mode listing and calling an entity's Discord tools on a real host whose Discord is FakeDiscord.</summary>
public sealed class InspectorCliDiscordTests : DiscordHostTests
{
    [Theory]
    [InlineData("http", "")]
    [InlineData("sse", "/sse")]
    public async Task Inspector_ListsSendsAndReadsAsTheEntity(string transport, string suffix)
    {
        var (entity, key) = await Host.CreateEntityAsync("Ada");
        var url = Host.EntityUrl(entity.Id, suffix).ToString();
        // The CLI reads --tool-arg values as JSON: quoted, the id stays a string (as a bare number it would lose digits in JavaScript).
        var channel = $"\"{Id(Demo.General.Id)}\"";

        var list = await NodeRunner.InspectAsync(url, transport, key, "--method", "tools/list");
        var sent = await NodeRunner.InspectAsync(url, transport, key, "--method", "tools/call", "--tool-name", "send_message", "--tool-arg", $"channel={channel}", $"content=Hello from the Inspector over {transport}");
        var read = await NodeRunner.InspectAsync(url, transport, key, "--method", "tools/call", "--tool-name", "read_messages", "--tool-arg", $"channel={channel}", "limit=5");

        Assert.Contains("\"send_message\"", list, StringComparison.Ordinal);
        Assert.Contains("\"list_channels\"", list, StringComparison.Ordinal);
        Assert.Contains("Posted as Ada in #general", sent, StringComparison.Ordinal);
        var posted = Assert.Single(Discord.State.GetMessages(Demo.General.Id));
        Assert.Equal(("Ada", "https://avatars.example.com/ada.png", $"Hello from the Inspector over {transport}"), (posted.Username, posted.AvatarUrl, posted.Content));
        Assert.Contains($"Ada (you): Hello from the Inspector over {transport}", read, StringComparison.Ordinal);
    }
}
