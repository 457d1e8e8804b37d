namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>THREAD_MEMBER_UPDATE</c>: the bot's membership of a thread changed.</summary>
public sealed class ThreadMemberUpdateEvent : GatewayEvent
{
    /// <summary>The thread's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The bot's user id.</summary>
    public ulong? UserId { get; init; }

    /// <summary>The guild's id.</summary>
    public ulong GuildId { get; init; }

    /// <summary>When the bot joined the thread.</summary>
    public DateTimeOffset JoinTimestamp { get; init; }

    /// <summary>Notification flags.</summary>
    public int Flags { get; init; }
}
