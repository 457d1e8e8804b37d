using MCPilot.Discord.Gateway;
using MCPilot.Testing;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task AcquireAsync_OrdinarySends_StopBeforeTheReservedSlots_UntilTheWindowSlides()
    {
        var time = new ManualTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.Reserved; i++)
        {
            Assert.True(limiter.AcquireAsync(priority: false, CancellationToken.None).IsCompletedSuccessfully);
        }

        var blocked = limiter.AcquireAsync(priority: false, CancellationToken.None).AsTask();
        Assert.False(blocked.IsCompleted);

        // Heartbeats, identify and resume still get through on the reserved slots.
        for (var i = 0; i < GatewaySendLimiter.Reserved; i++)
        {
            Assert.True(limiter.AcquireAsync(priority: true, CancellationToken.None).IsCompletedSuccessfully);
        }

        var priorityBlocked = limiter.AcquireAsync(priority: true, CancellationToken.None).AsTask();
        Assert.False(priorityBlocked.IsCompleted);
        Assert.Equal(GatewaySendLimiter.Limit, limiter.InWindow);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await priorityBlocked.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await blocked.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(2, limiter.InWindow);
    }

    [Fact]
    public async Task AcquireAsync_OverAMinute_NeverExceeds120InAnyWindow()
    {
        var time = new ManualTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        var sentAt = new List<DateTimeOffset>();
        for (var i = 0; i < 400; i++)
        {
            var acquire = limiter.AcquireAsync(priority: i % 10 == 0, CancellationToken.None).AsTask();
            while (!acquire.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                await Task.Yield();
            }

            await acquire;
            sentAt.Add(time.GetUtcNow());
        }

        for (var i = 0; i < sentAt.Count; i++)
        {
            Assert.True(sentAt.Count(t => t >= sentAt[i] && t < sentAt[i] + GatewaySendLimiter.Window) <= GatewaySendLimiter.Limit, $"window starting at send {i}");
        }
    }
}
