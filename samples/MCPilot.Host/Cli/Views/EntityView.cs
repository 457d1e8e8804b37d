using MCPilot.Entities;

namespace MCPilot.Host.Cli.Views;

/// <summary>An entity as the CLI shows it (snowflakes as strings, as Discord writes them).</summary>
internal sealed record EntityView(
    string Id,
    string Name,
    string? Description,
    string? AvatarUrl,
    string? OwnerUserId,
    string? Persona,
    IReadOnlyList<string> BlockedPhrases,
    IReadOnlyList<GuildPolicyView> Guilds,
    IReadOnlyList<string>? Tools,
    int SendsPerMinute,
    int Burst,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    Uri McpUrl,
    int? ActiveKeys)
{
    public static EntityView From(Entity entity, Uri mcpUrl, int? activeKeys) => new(
        entity.Id.ToString(),
        entity.Name,
        entity.Description,
        entity.AvatarUrl?.ToString(),
        entity.OwnerUserId is { } owner ? Snowflakes.Text(owner) : null,
        entity.Persona,
        entity.BlockedPhrases,
        [.. entity.Guilds.Select(GuildPolicyView.From)],
        entity.ToolAllowList?.Order(StringComparer.Ordinal).ToList(),
        entity.RateLimits.SendsPerMinute,
        entity.RateLimits.Burst,
        entity.CreatedAt,
        entity.UpdatedAt,
        entity.Version,
        mcpUrl,
        activeKeys);
}
