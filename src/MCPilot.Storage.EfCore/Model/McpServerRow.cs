namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_mcp_servers</c>.</summary>
internal sealed class McpServerRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string NameKey { get; set; } = "";

    /// <summary><see cref="StoreKeys.Place"/>: with <see cref="NameKey"/>, unique.</summary>
    public string PlaceKey { get; set; } = "";

    public string Scope { get; set; } = "";

    public string Owner { get; set; } = "";

    public long? GuildId { get; set; }

    public long? ChannelId { get; set; }

    public string Transport { get; set; } = "";

    public string? Url { get; set; }

    public string? Command { get; set; }

    /// <summary>A JSON array of strings.</summary>
    public string Arguments { get; set; } = "[]";

    public bool Enabled { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<McpServerSecretRow> Secrets { get; set; } = [];
}
