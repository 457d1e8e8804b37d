namespace MCPilot.Tools;

/// <summary>A class whose <c>[McpServerTool]</c> methods every entity session serves (registered by <c>AddEntityTools&lt;T&gt;()</c>).</summary>
/// <param name="Type">The class.</param>
internal sealed record EntityToolType(Type Type);
