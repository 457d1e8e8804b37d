using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>THREAD_MEMBERS_UPDATE</c>: users were added to or removed from a thread.</summary>
public sealed class ThreadMembersUpdateEvent : GatewayEvent
{
    /// <summary>The thread's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The guild's id.</summary>
    public ulong GuildId { get; init; }

    /// <summary>Approximate members of the thread (stops counting at 50).</summary>
    public int MemberCount { get; init; }

    /// <summary>The users added.</summary>
    public IReadOnlyList<ThreadMember>? AddedMembers { get; init; }

    /// <summary>The ids of the users removed.</summary>
    public IReadOnlyList<ulong>? RemovedMemberIds { get; init; }
}
