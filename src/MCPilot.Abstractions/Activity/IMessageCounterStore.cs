namespace MCPilot.Activity;

/// <summary>One row of a leaderboard.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Messages">Messages it sent in the period.</param>
public sealed record LeaderboardRow(EntityId EntityId, long Messages);

/// <summary>Counts the messages each entity sends, per guild and UTC day, for <c>/leaderboard</c>.</summary>
public interface IMessageCounterStore
{
    /// <summary>Adds <paramref name="count"/> to the entity's counter for a guild and day (atomically).</summary>
    Task IncrementAsync(EntityId entityId, ulong guildId, DateOnly day, int count = 1, CancellationToken cancellationToken = default);

    /// <summary>Ranks entities by messages in a guild from <paramref name="from"/> to <paramref name="to"/> (inclusive), most first.</summary>
    Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(ulong guildId, DateOnly from, DateOnly to, int limit = 10, CancellationToken cancellationToken = default);
}
