namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_entity_avatars</c> (since migration 3): an uploaded avatar image.</summary>
internal sealed class EntityAvatarRow
{
    public Guid EntityId { get; set; }

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public string Hash { get; set; } = "";
}
