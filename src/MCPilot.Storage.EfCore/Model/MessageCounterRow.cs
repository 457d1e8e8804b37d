namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_message_counters</c>: one entity's messages in a guild on a UTC day.</summary>
internal sealed class MessageCounterRow
{
    public long GuildId { get; set; }

    public DateOnly Day { get; set; }

    public Guid EntityId { get; set; }

    public long Messages { get; set; }
}
