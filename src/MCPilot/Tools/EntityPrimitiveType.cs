namespace MCPilot.Tools;

/// <summary>
/// A class whose <c>[McpServerTool]</c>, <c>[McpServerPrompt]</c> or <c>[McpServerResource]</c>
/// methods every entity session serves (registered by <c>AddEntityTools&lt;T&gt;()</c>,
/// <c>AddEntityPrompts&lt;T&gt;()</c> or <c>AddEntityResources&lt;T&gt;()</c>).
/// </summary>
/// <param name="Type">The class.</param>
/// <param name="Kind">Which of its methods: the tools, the prompts or the resources.</param>
internal sealed record EntityPrimitiveType(Type Type, EntityPrimitiveKind Kind);
