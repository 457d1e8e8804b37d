namespace MCPilot.Entities;

/// <summary>
/// An AI entity: one identity (name and avatar) that MCP clients use to read and write Discord,
/// through its endpoint <c>/mcp/{Id}</c>.
/// </summary>
public sealed record Entity
{
    /// <summary>The largest name length Discord accepts for a webhook username.</summary>
    public const int MaxNameLength = 80;

    /// <summary>The entity's id.</summary>
    public required EntityId Id { get; init; }

    /// <summary>The display name its messages carry (1 to 80 characters).</summary>
    public required string Name { get; init; }

    /// <summary>The avatar: an absolute URL, or <see langword="null"/> for Discord's default.</summary>
    public Uri? AvatarUrl { get; init; }

    /// <summary>The Discord user who owns (and answers for) the entity; <see langword="null"/> for the operator.</summary>
    public ulong? OwnerUserId { get; init; }

    /// <summary>A short description shown in <c>/entities</c> and to MCP clients.</summary>
    public string? Description { get; init; }

    /// <summary>The persona or system prompt, served to MCP clients as a prompt.</summary>
    public string? Persona { get; init; }

    /// <summary>Words or phrases the entity may not send (case-insensitive); a send containing one is refused.</summary>
    public IReadOnlyList<string> BlockedPhrases { get; init; } = [];

    /// <summary>The guilds the entity is present in, each with its channel policy.</summary>
    public IReadOnlyList<EntityGuildMembership> Guilds { get; init; } = [];

    /// <summary>The tools the entity's clients may call; <see langword="null"/> allows every tool.</summary>
    public IReadOnlySet<string>? ToolAllowList { get; init; }

    /// <summary>Send limits.</summary>
    public EntityRateLimits RateLimits { get; init; } = EntityRateLimits.Default;

    /// <summary>When the entity was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the entity was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version: a store refuses an update whose version is not the
    /// stored one, and increments it on success.
    /// </summary>
    public long Version { get; init; }

    /// <summary>The entity's membership in <paramref name="guildId"/>, if any.</summary>
    public EntityGuildMembership? Membership(ulong guildId) => Guilds.FirstOrDefault(g => g.GuildId == guildId);

    /// <summary>Whether the entity may use a channel (or a thread under <paramref name="parentChannelId"/>) of a guild.</summary>
    public bool MayUse(ulong guildId, ulong channelId, ulong? parentChannelId = null) =>
        Membership(guildId)?.Policy.Allows(channelId, parentChannelId) ?? false;

    /// <summary>Whether the entity's clients may call <paramref name="tool"/>.</summary>
    public bool MayCall(string tool) => ToolAllowList is null || ToolAllowList.Contains(tool);
}
