using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>THREAD_LIST_SYNC</c>: the bot gained access to channels; these are all their active threads.</summary>
public sealed class ThreadListSyncEvent : GatewayEvent
{
    /// <summary>The guild's id.</summary>
    public ulong GuildId { get; init; }

    /// <summary>The parent channels whose threads are synced; null for the whole guild.</summary>
    public IReadOnlyList<ulong>? ChannelIds { get; init; }

    /// <summary>Every active thread of those channels that the bot can see.</summary>
    public IReadOnlyList<Channel> Threads { get; init; } = [];

    /// <summary>The bot's memberships of those threads.</summary>
    public IReadOnlyList<ThreadMember> Members { get; init; } = [];
}
