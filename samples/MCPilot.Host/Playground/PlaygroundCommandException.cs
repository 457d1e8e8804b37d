namespace MCPilot.Host.Playground;

/// <summary>A slash command typed on the playground page cannot be run; the message says what to type instead.</summary>
internal sealed class PlaygroundCommandException(string message) : Exception(message);
