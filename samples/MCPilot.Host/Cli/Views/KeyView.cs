using MCPilot.Entities;

namespace MCPilot.Host.Cli.Views;

/// <summary>An entity's API key as stored (never the key itself).</summary>
internal sealed record KeyView(
    Guid Id,
    string LookupId,
    string? Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string Status)
{
    public static KeyView From(EntityCredential credential, DateTimeOffset now) => new(
        credential.Id,
        credential.LookupId,
        credential.Label,
        credential.CreatedAt,
        credential.LastUsedAt,
        credential.ExpiresAt,
        credential.RevokedAt,
        credential.RevokedAt is not null ? "revoked" : credential.IsActive(now) ? "active" : "expired");
}
