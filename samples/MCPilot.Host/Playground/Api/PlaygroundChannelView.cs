using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Playground.Api;

/// <summary>A channel, thread or forum of the playground server.</summary>
internal sealed record PlaygroundChannelView(string Id, string Name, string Kind, string? ParentId, bool CanPost)
{
    public static PlaygroundChannelView From(FakeChannel channel) => new(
        Snowflakes.Text(channel.Id),
        channel.Name ?? "",
        channel.IsThread ? "thread" : channel.Type is FakeChannelType.Forum or FakeChannelType.Media ? "forum" : "text",
        channel.ParentId is { } parent ? Snowflakes.Text(parent) : null,
        channel.Type is not (FakeChannelType.Forum or FakeChannelType.Media or FakeChannelType.Category or FakeChannelType.Voice) && !channel.Archived);
}
