namespace MCPilot.Discord.Models;

/// <summary>
/// An interaction (a slash command, button, ...), from the Gateway's <c>INTERACTION_CREATE</c>.
/// Answer within 3 seconds with a callback; the <see cref="Token"/> then allows follow-ups for
/// 15 minutes. The token is a secret: never log it.
/// </summary>
public sealed class Interaction
{
    /// <summary>The interaction's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The application it is for.</summary>
    public ulong ApplicationId { get; init; }

    /// <summary>The kind of interaction.</summary>
    public InteractionType Type { get; init; }

    /// <summary>The command, component or modal data.</summary>
    public InteractionData? Data { get; init; }

    /// <summary>The guild it was sent from (absent in DMs).</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The channel it was sent from (partial).</summary>
    public Channel? Channel { get; init; }

    /// <summary>The channel it was sent from.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>The invoking member, in a guild (with <see cref="GuildMember.Permissions"/>).</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The invoking user, in a DM.</summary>
    public User? User { get; init; }

    /// <summary>The continuation token for the callback and follow-ups (secret).</summary>
    public string Token { get; init; } = "";

    /// <summary>Always 1.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The message a component interaction was attached to.</summary>
    public Message? Message { get; init; }

    /// <summary>The bot's permissions in the channel.</summary>
    public DiscordPermissions? AppPermissions { get; init; }

    /// <summary>The invoking user's locale.</summary>
    public string? Locale { get; init; }

    /// <summary>The guild's preferred locale.</summary>
    public string? GuildLocale { get; init; }

    /// <summary>Where it was triggered: 0 guild, 1 bot DM, 2 private channel.</summary>
    public int? Context { get; init; }

    /// <summary>The user who invoked it, in a guild or a DM.</summary>
    public User? InvokingUser => Member?.User ?? User;

    /// <inheritdoc />
    public override string ToString() => $"Interaction {Id} ({Type} {Data?.Name})";
}
