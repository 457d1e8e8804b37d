namespace MCPilot.Tools;

/// <summary>The kinds of MCP primitives plugins add to entity sessions.</summary>
internal enum EntityPrimitiveKind
{
    /// <summary>Methods marked <c>[McpServerTool]</c>.</summary>
    Tool,

    /// <summary>Methods marked <c>[McpServerPrompt]</c>.</summary>
    Prompt,

    /// <summary>Methods marked <c>[McpServerResource]</c>.</summary>
    Resource,
}
