namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_entity_feed_messages</c> (since migration 4): one message of a persisted entity feed.</summary>
internal sealed class EntityFeedMessageRow
{
    public string Node { get; set; } = "";

    public Guid EntityId { get; set; }

    public string Kind { get; set; } = "";

    public long Sequence { get; set; }

    public int Mention { get; set; }

    public Guid? FromEntityId { get; set; }

    /// <summary>When the message was posted on Discord (for the retention).</summary>
    public DateTime At { get; set; }

    /// <summary>The Discord message (<c>InboundMessage</c>) as JSON.</summary>
    public string Message { get; set; } = "";
}
