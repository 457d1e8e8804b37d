namespace MCPilot.Host.Cli;

/// <summary>The operator asked for something that cannot be done; the message says what to fix.</summary>
internal sealed class CliException(string message) : Exception(message);
