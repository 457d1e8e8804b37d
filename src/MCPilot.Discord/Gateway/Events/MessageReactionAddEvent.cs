using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>MESSAGE_REACTION_ADD</c>: someone reacted to a message (e.g. ❓ to ask who posted it).</summary>
public sealed class MessageReactionAddEvent : GatewayEvent
{
    /// <summary>The user who reacted.</summary>
    public ulong UserId { get; init; }

    /// <summary>The channel's id.</summary>
    public ulong ChannelId { get; init; }

    /// <summary>The message's id.</summary>
    public ulong MessageId { get; init; }

    /// <summary>The guild's id (absent in DMs).</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The member who reacted, in a guild.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The emoji (id null for a Unicode emoji, whose <see cref="Emoji.Name"/> is the character).</summary>
    public Emoji Emoji { get; init; } = new();

    /// <summary>The author of the message reacted to (for a webhook message, the webhook's id).</summary>
    public ulong? MessageAuthorId { get; init; }

    /// <summary>Whether it is a super reaction.</summary>
    public bool Burst { get; init; }

    /// <summary>The reaction type: 0 normal, 1 burst.</summary>
    public int Type { get; init; }
}
