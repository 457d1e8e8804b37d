using MCPilot.Discord.Gateway;
using MCPilot.Testing;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class IdentifySchedulerTests
{
    [Fact]
    public async Task Plan_MaxConcurrencyTwo_StartsBucketsInOrderFiveSecondsApart()
    {
        var time = new ManualTimeProvider();
        var scheduler = new IdentifyScheduler(time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        scheduler.Update(total: 1000, remaining: 1000, resetAfter: TimeSpan.FromHours(1), maxConcurrency: 2);
        scheduler.Plan([3, 2, 1, 0, 5, 4]);

        var turns = new[] { 4, 1, 0, 5, 2, 3 }.ToDictionary(s => s, s => scheduler.WaitTurnAsync(s, CancellationToken.None).AsTask());
        Assert.True(turns[0].IsCompleted && turns[1].IsCompleted);
        Assert.False(turns[2].IsCompleted || turns[3].IsCompleted || turns[4].IsCompleted || turns[5].IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(turns[2], turns[3]).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(turns[4].IsCompleted || turns[5].IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(turns[4], turns[5]).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // A later identify of shard 0 (after an invalid session) takes the next slot of its key.
        var again = scheduler.WaitTurnAsync(0, CancellationToken.None).AsTask();
        Assert.False(again.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await again.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(1000 - 7, scheduler.Remaining);
    }

    [Fact]
    public async Task WaitForBudget_SessionStartLimitUsedUp_WaitsForTheResetAndLogsIt()
    {
        var time = new ManualTimeProvider();
        var logs = new ListLoggerProvider();
        var scheduler = new IdentifyScheduler(time, logs.CreateLogger("test"));
        scheduler.Update(total: 1000, remaining: 1, resetAfter: TimeSpan.FromMinutes(30), maxConcurrency: 1);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("1/1000", StringComparison.Ordinal));

        await scheduler.WaitForBudgetAsync(0, CancellationToken.None);
        await scheduler.WaitTurnAsync(0, CancellationToken.None);
        var waiting = scheduler.WaitForBudgetAsync(0, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.Contains(logs.Entries, e => e.Message.Contains("session start limit to reset", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(1000, scheduler.Remaining);
    }

    [Fact]
    public async Task WaitTurn_FourShardsOneSessionStartLeft_ExactlyOneIdentifiesBeforeTheReset()
    {
        var time = new ManualTimeProvider();
        var logs = new ListLoggerProvider();
        var scheduler = new IdentifyScheduler(time, logs.CreateLogger("test"));
        scheduler.Update(total: 1000, remaining: 1, resetAfter: TimeSpan.FromMinutes(30), maxConcurrency: 4);
        scheduler.Plan([0, 1, 2, 3]);

        // Each shard checked the budget (1 left) before any of them identified, as shards starting together do.
        for (var shard = 0; shard < 4; shard++)
        {
            await scheduler.WaitForBudgetAsync(shard, CancellationToken.None);
        }

        var turns = Enumerable.Range(0, 4).Select(s => scheduler.WaitTurnAsync(s, CancellationToken.None).AsTask()).ToList();
        Assert.Equal(1, turns.Count(t => t.IsCompleted));
        Assert.Equal(0, scheduler.Remaining);
        Assert.Equal(3, logs.Entries.Count(e => e.Message.Contains("session start limit to reset", StringComparison.Ordinal)));

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(1, turns.Count(t => t.IsCompleted));
        Assert.Equal(0, scheduler.Remaining);

        time.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(1000 - 3, scheduler.Remaining);
    }
}
