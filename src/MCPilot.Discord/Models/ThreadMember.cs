namespace MCPilot.Discord.Models;

/// <summary>A user's membership of a thread.</summary>
public sealed class ThreadMember
{
    /// <summary>The thread's id (absent inside a thread's own <c>member</c> field).</summary>
    public ulong? Id { get; init; }

    /// <summary>The user's id (absent inside a thread's own <c>member</c> field).</summary>
    public ulong? UserId { get; init; }

    /// <summary>When the user last joined the thread.</summary>
    public DateTimeOffset JoinTimestamp { get; init; }

    /// <summary>Notification flags.</summary>
    public int Flags { get; init; }

    /// <summary>The guild member, when requested.</summary>
    public GuildMember? Member { get; init; }
}
