using MCPilot.Discord.RateLimiting;
using MCPilot.Testing;

namespace MCPilot.Discord.Tests.RateLimiting;

public sealed class InvalidRequestCounterTests
{
    [Fact]
    public void Count_CoversTheLastTenMinutes()
    {
        var time = new ManualTimeProvider();
        var counter = new InvalidRequestCounter(time);
        Assert.Equal(1, counter.Increment());
        Assert.Equal(2, counter.Increment());
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, counter.Increment());
        time.Advance(TimeSpan.FromMinutes(5.5));
        Assert.Equal(1, counter.Count);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, counter.Count);
    }
}
