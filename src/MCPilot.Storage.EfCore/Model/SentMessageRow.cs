namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_sent_messages</c> (since migration 2).</summary>
internal sealed class SentMessageRow
{
    public long MessageId { get; set; }

    public Guid EntityId { get; set; }

    public long? GuildId { get; set; }

    public long ChannelId { get; set; }

    public DateTime At { get; set; }
}
