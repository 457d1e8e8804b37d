namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_conversation_messages</c>.</summary>
internal sealed class ConversationMessageRow
{
    public Guid ThreadId { get; set; }

    public long Sequence { get; set; }

    public string Role { get; set; } = "";

    public string Content { get; set; } = "";

    public DateTime At { get; set; }

    public string? ToolCalls { get; set; }
}
