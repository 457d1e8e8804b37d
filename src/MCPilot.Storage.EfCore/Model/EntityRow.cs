namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_entities</c>.</summary>
internal sealed class EntityRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary><see cref="StoreKeys.Name"/> of <see cref="Name"/>.</summary>
    public string NameKey { get; set; } = "";

    public string? AvatarUrl { get; set; }

    public long? OwnerUserId { get; set; }

    public string? Description { get; set; }

    public string? Persona { get; set; }

    /// <summary>A JSON array of strings.</summary>
    public string BlockedPhrases { get; set; } = "[]";

    /// <summary>A JSON array of tool names, or null for every tool.</summary>
    public string? ToolAllowList { get; set; }

    public int SendsPerMinute { get; set; }

    public int Burst { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<EntityGuildRow> Guilds { get; set; } = [];
}
