namespace MCPilot.Host.Playground.Api;

/// <summary>A slash command the page runs as a member.</summary>
/// <param name="ChannelId">The channel it is run in.</param>
/// <param name="UserId">The member who runs it (Alice or Bob).</param>
/// <param name="Text">The command as typed, e.g. <c>/talk entity:Ada</c>.</param>
internal sealed record PlaygroundCommandRequest(string ChannelId, string UserId, string Text);
