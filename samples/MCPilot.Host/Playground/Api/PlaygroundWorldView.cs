namespace MCPilot.Host.Playground.Api;

/// <summary>The playground's world for the page: its server, channels, members and entities.</summary>
internal sealed record PlaygroundWorldView(string GuildId, string GuildName, string BotName, IReadOnlyList<PlaygroundChannelView> Channels, IReadOnlyList<PlaygroundMemberView> Members, IReadOnlyList<PlaygroundEntityView> Entities);
