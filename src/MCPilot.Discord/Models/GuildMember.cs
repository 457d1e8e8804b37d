namespace MCPilot.Discord.Models;

/// <summary>A user's membership in a guild.</summary>
public sealed class GuildMember
{
    /// <summary>The user; absent on members embedded in <c>MESSAGE_CREATE</c> and in mentions.</summary>
    public User? User { get; init; }

    /// <summary>The guild nickname, when set.</summary>
    public string? Nick { get; init; }

    /// <summary>The guild avatar hash, when set.</summary>
    public string? Avatar { get; init; }

    /// <summary>The ids of the member's roles (the @everyone role is implied, not listed).</summary>
    public IReadOnlyList<ulong> Roles { get; init; } = [];

    /// <summary>When the user joined the guild.</summary>
    public DateTimeOffset? JoinedAt { get; init; }

    /// <summary>Since when the member boosts the guild.</summary>
    public DateTimeOffset? PremiumSince { get; init; }

    /// <summary>Whether the member is deafened in voice channels.</summary>
    public bool? Deaf { get; init; }

    /// <summary>Whether the member is muted in voice channels.</summary>
    public bool? Mute { get; init; }

    /// <summary>The member flags.</summary>
    public int? Flags { get; init; }

    /// <summary>Whether the member has not yet passed membership screening.</summary>
    public bool? Pending { get; init; }

    /// <summary>The member's permissions in the channel, on members carried by interactions.</summary>
    public DiscordPermissions? Permissions { get; init; }

    /// <summary>Until when the member is timed out.</summary>
    public DateTimeOffset? CommunicationDisabledUntil { get; init; }
}
