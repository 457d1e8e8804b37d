namespace MCPilot.Testing.Tests;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public async Task Advance_FiresDelaysInOrder_AndMovesBothClocks()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var order = new List<int>();
        var late = Task.Delay(TimeSpan.FromSeconds(2), time, TestContext.Current.CancellationToken).ContinueWith(_ => order.Add(2), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var early = Task.Delay(TimeSpan.FromSeconds(1), time, TestContext.Current.CancellationToken).ContinueWith(_ => order.Add(1), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        Assert.Equal(2, time.PendingTimers);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(early.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(early, late);
        Assert.Equal([1, 2], order);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 5, 999, TimeSpan.Zero), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(5.999), time.GetElapsedTime(0));
    }

    [Fact]
    public void PeriodicTimer_FiresOncePerPeriod()
    {
        var time = new ManualTimeProvider();
        var ticks = 0;
        using var timer = time.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(3, ticks);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, ticks);
    }
}
