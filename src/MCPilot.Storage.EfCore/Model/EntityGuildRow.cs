namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_entity_guilds</c>: an entity's membership in a guild.</summary>
internal sealed class EntityGuildRow
{
    public Guid EntityId { get; set; }

    public long GuildId { get; set; }

    /// <summary>The entity's <see cref="EntityRow.NameKey"/>, here so that a unique index keeps names unique per guild.</summary>
    public string NameKey { get; set; } = "";

    public List<EntityChannelRow> Channels { get; set; } = [];
}
