namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_entity_credentials</c>.</summary>
internal sealed class CredentialRow
{
    public Guid Id { get; set; }

    public Guid EntityId { get; set; }

    public string LookupId { get; set; } = "";

    public byte[] KeyHash { get; set; } = [];

    public string? Label { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
