using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Tests.Fakes;
using MCPilot.Tools;

namespace MCPilot.Tests.Entities;

public sealed class EntitySendLimitersTests : IAsyncDisposable
{
    private readonly TestServices _services = new();

    [Fact]
    public async Task Acquire_BurstUsed_RateLimitedWithRetryAfterThenRefills()
    {
        var entity = await _services.Registry.CreateAsync(new Entity { Id = default, Name = "Ada", RateLimits = new EntityRateLimits { SendsPerMinute = 6, Burst = 2 } }, TestContext.Current.CancellationToken);
        var limiters = _services.Get<EntitySendLimiters>();
        limiters.Acquire(entity, 1);
        limiters.Acquire(entity, 1);

        var error = Assert.Throws<EntityToolException>(() => limiters.Acquire(entity, 1));

        Assert.Equal(ToolCallOutcome.RateLimited, error.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(10), error.RetryAfter);
        Assert.Contains("Retry in 10 s", error.Message, StringComparison.Ordinal);
        _services.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), Assert.Throws<EntityToolException>(() => limiters.Acquire(entity, 1)).RetryAfter);
        _services.Time.Advance(TimeSpan.FromSeconds(6));
        limiters.Acquire(entity, 1);
    }

    [Fact]
    public async Task Acquire_LimitsRaised_NewBucketAtOnce()
    {
        var entity = await _services.Registry.CreateAsync(new Entity { Id = default, Name = "Ada", RateLimits = new EntityRateLimits { SendsPerMinute = 1, Burst = 1 } }, TestContext.Current.CancellationToken);
        var limiters = _services.Get<EntitySendLimiters>();
        limiters.Acquire(entity, 1);
        Assert.Throws<EntityToolException>(() => limiters.Acquire(entity, 1));

        limiters.Acquire(entity with { RateLimits = new EntityRateLimits { SendsPerMinute = 60, Burst = 5 } }, 1);
    }

    [Fact]
    public async Task Acquire_MoreThanBurst_InvalidArguments()
    {
        var entity = await _services.CreateEntityAsync("Ada");

        var error = Assert.Throws<EntityToolException>(() => _services.Get<EntitySendLimiters>().Acquire(entity, 11));

        Assert.Equal(ToolCallOutcome.InvalidArguments, error.Outcome);
    }

    [Fact]
    public async Task Acquire_TwoEntities_BucketsIndependent()
    {
        var a = await _services.Registry.CreateAsync(new Entity { Id = default, Name = "Ada", RateLimits = new EntityRateLimits { SendsPerMinute = 1, Burst = 1 } }, TestContext.Current.CancellationToken);
        var b = await _services.Registry.CreateAsync(new Entity { Id = default, Name = "Bob", RateLimits = new EntityRateLimits { SendsPerMinute = 1, Burst = 1 } }, TestContext.Current.CancellationToken);
        var limiters = _services.Get<EntitySendLimiters>();
        limiters.Acquire(a, 1);

        limiters.Acquire(b, 1);
        Assert.Throws<EntityToolException>(() => limiters.Acquire(a, 1));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
