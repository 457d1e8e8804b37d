namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_entity_feeds</c> (since migration 4): where one persisted entity feed stands.</summary>
internal sealed class EntityFeedRow
{
    public string Node { get; set; } = "";

    public Guid EntityId { get; set; }

    public string Kind { get; set; } = "";

    public long LastSequence { get; set; }

    public long ReadCursor { get; set; }

    public long MentionCursor { get; set; }

    public long Dropped { get; set; }
}
