using MCPilot.Discord.RateLimiting;

namespace MCPilot.Discord.Tests.RateLimiting;

public sealed class AsyncFifoLockTests
{
    [Fact]
    public async Task WaitAsync_GrantsInArrivalOrder_AndSkipsCancelledWaiters()
    {
        var gate = new AsyncFifoLock();
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        var order = new List<int>();
        using var cancel = new CancellationTokenSource();
        var waiters = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            var n = i;
            var token = n == 2 ? cancel.Token : TestContext.Current.CancellationToken;
            waiters.Add(gate.WaitAsync(token).ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    lock (order)
                    {
                        order.Add(n);
                    }

                    gate.Release();
                }
            }, TaskScheduler.Default));
        }

        Assert.Equal(5, gate.QueueLength);
        await cancel.CancelAsync();
        gate.Release();
        await Task.WhenAll(waiters);
        Assert.Equal([0, 1, 3, 4], order);
        Assert.True(gate.IsIdle);
    }
}
