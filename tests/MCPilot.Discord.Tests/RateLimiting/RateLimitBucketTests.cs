using MCPilot.Discord.RateLimiting;
using MCPilot.Testing;

namespace MCPilot.Discord.Tests.RateLimiting;

public sealed class RateLimitBucketTests
{
    [Fact]
    public void Reserve_UnknownBucket_LetsOneRequestGo()
    {
        var time = new ManualTimeProvider();
        var bucket = new RateLimitBucket("b");
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(time));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(time));
    }

    [Fact]
    public void Reserve_RemainingZero_WaitsForResetAfter()
    {
        var time = new ManualTimeProvider();
        var bucket = AnsweredOnce(time, limit: 5, remaining: 0, TimeSpan.FromSeconds(2.5));
        Assert.Equal(TimeSpan.FromSeconds(2.5), bucket.Reserve(time));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(0.5), bucket.Reserve(time));
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(time));

        // The answer to that request reports the new window; the bucket follows it.
        bucket.Update(new RateLimitHeaders(5, 0, TimeSpan.FromSeconds(1), "hash", false, null, null), successful: true, time);
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(time));
    }

    [Fact]
    public void Block_After429_HoldsTheBucket()
    {
        var time = new ManualTimeProvider();
        var bucket = new RateLimitBucket("b");
        bucket.Block(TimeSpan.FromSeconds(3), time);
        Assert.Equal(TimeSpan.FromSeconds(3), bucket.Reserve(time));
        Assert.False(bucket.IsExpired(time, TimeSpan.Zero));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(time));
    }

    [Fact]
    public void Update_SuccessWithoutHeaders_MeansUnlimited()
    {
        var time = new ManualTimeProvider();
        var bucket = new RateLimitBucket("b");
        bucket.Update(default, successful: true, time);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(TimeSpan.Zero, bucket.Reserve(time));
        }
    }

    [Fact]
    public void Update_ErrorWithoutHeaders_KeepsWhatWasLearned()
    {
        var time = new ManualTimeProvider();
        var bucket = AnsweredOnce(time, limit: 2, remaining: 1, TimeSpan.FromSeconds(3));

        // A proxy's 502 page (or a global 429) carries no bucket headers: the bucket still has one request left, then waits.
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(time));
        bucket.Update(default, successful: false, time);
        Assert.Equal(TimeSpan.FromSeconds(3), bucket.Reserve(time));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(time));
    }

    /// <summary>A bucket whose first request was answered with these headers.</summary>
    private static RateLimitBucket AnsweredOnce(ManualTimeProvider time, int limit, int remaining, TimeSpan resetAfter)
    {
        var bucket = new RateLimitBucket("b");
        bucket.Reserve(time);
        bucket.Update(new RateLimitHeaders(limit, remaining, resetAfter, "hash", false, null, null), successful: true, time);
        return bucket;
    }
}
