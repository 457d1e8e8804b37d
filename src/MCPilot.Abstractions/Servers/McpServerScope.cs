namespace MCPilot.Servers;

/// <summary>Who sees a registered MCP server's tools in the bot's chat.</summary>
public enum McpServerScope
{
    /// <summary>Only its owner, wherever they ask.</summary>
    User,

    /// <summary>Everyone who asks in one channel (and its threads).</summary>
    Channel,

    /// <summary>Everyone in one guild.</summary>
    Global,
}

/// <summary>How MCPilot reaches a registered MCP server.</summary>
public enum McpServerTransport
{
    /// <summary>A remote server over Streamable HTTP (or legacy SSE).</summary>
    Http,

    /// <summary>A command that runs a stdio server, always inside a sandbox.</summary>
    Command,
}
