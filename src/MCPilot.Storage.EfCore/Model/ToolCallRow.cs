namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_tool_calls</c>, the audit log.</summary>
internal sealed class ToolCallRow
{
    /// <summary>A version-7 GUID: time-ordered.</summary>
    public Guid Id { get; set; }

    public DateTime At { get; set; }

    public Guid? EntityId { get; set; }

    public long? UserId { get; set; }

    public string Tool { get; set; } = "";

    public string Outcome { get; set; } = "";

    public long DurationMicroseconds { get; set; }

    public string? Detail { get; set; }
}
