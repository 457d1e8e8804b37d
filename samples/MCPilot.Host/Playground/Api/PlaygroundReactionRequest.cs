namespace MCPilot.Host.Playground.Api;

/// <summary>A reaction the page adds as a member.</summary>
/// <param name="UserId">The member (Alice or Bob).</param>
/// <param name="Emoji">A Unicode emoji, e.g. ❓.</param>
internal sealed record PlaygroundReactionRequest(string UserId, string Emoji);
