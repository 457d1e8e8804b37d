using MCPilot.Commands;
using MCPilot.Testing;

namespace MCPilot.Tests.Commands;

public sealed class MemberAllowanceTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void TryTake_BurstSpent_RefusesUntilATokenGrowsBack()
    {
        var allowance = new MemberAllowance(burst: 2, interval: TimeSpan.FromMinutes(1), _time);

        Assert.True(allowance.TryTake(1));
        Assert.True(allowance.TryTake(1));
        Assert.False(allowance.TryTake(1));
        Assert.True(allowance.TryTake(2));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(allowance.TryTake(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(allowance.TryTake(1));
        Assert.False(allowance.TryTake(1));
    }

    [Fact]
    public void TryTake_ManyUsers_ForgetsThoseWhoseBucketIsFullAgain()
    {
        var allowance = new MemberAllowance(burst: 1, interval: TimeSpan.FromSeconds(1), _time);
        for (ulong user = 0; user < MemberAllowance.SweepAbove; user++)
        {
            allowance.TryTake(user);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(allowance.TryTake(ulong.MaxValue));

        Assert.Equal(1, allowance.Tracked);
        Assert.True(allowance.TryTake(0));
    }
}
