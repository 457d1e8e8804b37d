using ModelContextProtocol.Protocol;

namespace MCPilot.Tools;

/// <summary>Builds MCP tool results.</summary>
internal static class EntityToolResults
{
    /// <summary>A tool error: <c>isError: true</c> with one text block.</summary>
    public static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };

    /// <summary>The text of a result's first text block, if any.</summary>
    public static string? FirstText(CallToolResult result) => result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text;
}
