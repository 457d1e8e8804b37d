using MCPilot.Discord.RateLimiting;
using MCPilot.Discord.Tests.Gateway;
using MCPilot.Testing;

namespace MCPilot.Discord.Tests.RateLimiting;

public sealed class GlobalRateLimiterTests
{
    [Fact]
    public async Task AcquireAsync_PastTheLimit_WaitsAWindowFromTheAnswers()
    {
        var time = new ManualTimeProvider();
        var limiter = new GlobalRateLimiter(3, TimeSpan.Zero, time);
        for (var i = 0; i < 3; i++)
        {
            (await limiter.AcquireAsync(TestContext.Current.CancellationToken)).Dispose();
        }

        var fourth = limiter.AcquireAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await fourth).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_SlotsInFlight_WaitForTheirAnswer()
    {
        var time = new ManualTimeProvider();
        var limiter = new GlobalRateLimiter(1, TimeSpan.Zero, time);
        var first = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        var second = limiter.AcquireAsync(TestContext.Current.CancellationToken).AsTask();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);

        first.Dispose();
        await Task.Yield();
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await second).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_AnotherSlotAnswersWhileTheFirstHangs_ProceedsAWindowLater()
    {
        var time = new ManualTimeProvider();
        var limiter = new GlobalRateLimiter(2, TimeSpan.Zero, time);
        using var slow = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        var quick = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        var third = limiter.AcquireAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(third.IsCompleted);

        // The second request answers; the first is still in flight. The waiter must notice and
        // wait one window from that answer, not for the first request.
        quick.Dispose();
        await GatewayHarness.WaitUntilAsync(() => time.PendingTimers == 1, "the waiter waits for the answered slot's window");
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Block_HoldsEveryRequestUntilRetryAfter()
    {
        var time = new ManualTimeProvider();
        var limiter = new GlobalRateLimiter(50, TimeSpan.Zero, time);
        limiter.Block(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.BlockedFor);
        var waiting = limiter.AcquireAsync(TestContext.Current.CancellationToken).AsTask();
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.5));
        (await waiting).Dispose();
        Assert.Equal(TimeSpan.Zero, limiter.BlockedFor);
    }
}
