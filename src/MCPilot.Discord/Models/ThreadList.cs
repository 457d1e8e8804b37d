namespace MCPilot.Discord.Models;

/// <summary>A list of threads, with the current user's membership of those it joined.</summary>
public sealed class ThreadList
{
    /// <summary>The threads.</summary>
    public IReadOnlyList<Channel> Threads { get; init; } = [];

    /// <summary>The current user's memberships of those threads.</summary>
    public IReadOnlyList<ThreadMember> Members { get; init; } = [];

    /// <summary>Whether more threads could be fetched (archived listings only).</summary>
    public bool? HasMore { get; init; }
}
