namespace MCPilot.Commands;

/// <summary>A period <c>/leaderboard</c> ranks over, in whole UTC days ending today (the counters count per UTC day).</summary>
/// <param name="Name">The option value: <c>day</c>, <c>week</c>, <c>month</c> or <c>all</c>.</param>
/// <param name="Days">How many days back from today it covers, today included; null for all time.</param>
/// <param name="Label">How the answer names it.</param>
internal sealed record LeaderboardPeriod(string Name, int? Days, string Label)
{
    /// <summary>The default period.</summary>
    public static LeaderboardPeriod Week { get; } = new("week", 7, "in the last 7 days");

    /// <summary>Every period, in the order Discord offers them.</summary>
    public static IReadOnlyList<LeaderboardPeriod> All { get; } =
    [
        new("day", 1, "today (UTC)"),
        Week,
        new("month", 30, "in the last 30 days"),
        new("all", null, "since counting began"),
    ];

    /// <summary>The period named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static LeaderboardPeriod? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The first and last day of the period that ends on <paramref name="today"/>.</summary>
    public (DateOnly From, DateOnly To) Range(DateOnly today) => (Days is { } days ? today.AddDays(1 - days) : DateOnly.MinValue, today);
}
