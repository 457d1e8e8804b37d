namespace MCPilot.Host.Playground.Api;

/// <summary>A human message the page posts.</summary>
/// <param name="UserId">The member who posts (Alice or Bob).</param>
/// <param name="Content">The text (1 to 2000 characters).</param>
/// <param name="ReplyTo">The message it answers, if any.</param>
internal sealed record PlaygroundPostRequest(string UserId, string Content, string? ReplyTo);
