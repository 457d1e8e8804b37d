namespace MCPilot.Host.Playground.Api;

/// <summary>How the bot answered a slash command the page ran.</summary>
/// <param name="Command">The command's name.</param>
/// <param name="Ephemeral">Whether the answer is seen only by the member who ran it (else it is also in the channel).</param>
/// <param name="Replies">The response, then its follow-ups.</param>
internal sealed record PlaygroundCommandResult(string Command, bool Ephemeral, IReadOnlyList<string> Replies);
