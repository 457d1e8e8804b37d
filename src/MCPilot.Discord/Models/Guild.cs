namespace MCPilot.Discord.Models;

/// <summary>
/// A guild (server). The same type carries the full guild (<c>GET /guilds/{id}</c>), the
/// partial guild of <c>GET /users/@me/guilds</c> (<see cref="Owner"/>, <see cref="Permissions"/>)
/// and the Gateway's <c>GUILD_CREATE</c> (channels, threads, members and the rest).
/// </summary>
public sealed class Guild
{
    /// <summary>The guild's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The guild's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The icon hash.</summary>
    public string? Icon { get; init; }

    /// <summary>The guild's description.</summary>
    public string? Description { get; init; }

    /// <summary>The owner's user id.</summary>
    public ulong? OwnerId { get; init; }

    /// <summary>Whether the current user owns the guild (partial guilds only).</summary>
    public bool? Owner { get; init; }

    /// <summary>The current user's permissions in the guild (partial guilds only).</summary>
    public DiscordPermissions? Permissions { get; init; }

    /// <summary>The guild's feature flags.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The guild's roles.</summary>
    public IReadOnlyList<Role>? Roles { get; init; }

    /// <summary>The guild's custom emojis.</summary>
    public IReadOnlyList<Emoji>? Emojis { get; init; }

    /// <summary>The system channel's id.</summary>
    public ulong? SystemChannelId { get; init; }

    /// <summary>The preferred locale of a community guild.</summary>
    public string? PreferredLocale { get; init; }

    /// <summary>Approximate member count (with <c>with_counts</c>).</summary>
    public int? ApproximateMemberCount { get; init; }

    /// <summary>When the bot joined (<c>GUILD_CREATE</c> only).</summary>
    public DateTimeOffset? JoinedAt { get; init; }

    /// <summary>Whether the guild is large (<c>GUILD_CREATE</c> only).</summary>
    public bool? Large { get; init; }

    /// <summary>Whether the guild is unavailable through an outage (<c>GUILD_CREATE</c>/<c>GUILD_DELETE</c>).</summary>
    public bool? Unavailable { get; init; }

    /// <summary>The member count (<c>GUILD_CREATE</c> only).</summary>
    public int? MemberCount { get; init; }

    /// <summary>The guild's members known at connect (<c>GUILD_CREATE</c> only).</summary>
    public IReadOnlyList<GuildMember>? Members { get; init; }

    /// <summary>The guild's channels (<c>GUILD_CREATE</c> only).</summary>
    public IReadOnlyList<Channel>? Channels { get; init; }

    /// <summary>The guild's active threads the bot can see (<c>GUILD_CREATE</c> only).</summary>
    public IReadOnlyList<Channel>? Threads { get; init; }
}
