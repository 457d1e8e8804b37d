using MCPilot.Commands;

namespace MCPilot.Tests.Commands;

public sealed class LeaderboardPeriodTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData("day", "2026-03-10")]
    [InlineData("WEEK", "2026-03-04")]
    [InlineData(" month ", "2026-02-09")]
    public void Range_EndsTodayAndCoversThePeriodsDays(string name, string from)
    {
        var period = LeaderboardPeriod.Find(name)!;

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), Today), period.Range(Today));
    }

    [Fact]
    public void Range_All_StartsAtTheBeginning() => Assert.Equal((DateOnly.MinValue, Today), LeaderboardPeriod.Find("all")!.Range(Today));

    [Fact]
    public void Find_Unknown_Null() => Assert.Null(LeaderboardPeriod.Find("year"));
}
