namespace MCPilot.Storage.EfCore.Model;

/// <summary>
/// A row of <c>mcpilot_entity_previous_avatars</c> (since migration 5): an uploaded avatar an entity
/// replaced, still served at its URL for the entity's older Discord messages.
/// </summary>
internal sealed class PreviousEntityAvatarRow
{
    public Guid EntityId { get; set; }

    public string Hash { get; set; } = "";

    /// <summary>The order in which the entity replaced its avatars: the highest was replaced last.</summary>
    public long Replaced { get; set; }

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];
}
