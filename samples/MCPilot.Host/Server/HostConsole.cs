namespace MCPilot.Host.Server;

/// <summary>
/// Where the host prints what a person must see once (the playground's MCP URL and key): standard
/// output, never the log, because it holds a secret.
/// </summary>
/// <param name="Out">The writer.</param>
internal sealed record HostConsole(TextWriter Out);
