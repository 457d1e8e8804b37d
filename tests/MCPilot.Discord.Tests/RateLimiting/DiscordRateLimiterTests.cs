using MCPilot.Discord.RateLimiting;
using MCPilot.Discord.Rest;
using MCPilot.Testing;

namespace MCPilot.Discord.Tests.RateLimiting;

public sealed class DiscordRateLimiterTests
{
    private static readonly RateLimitHeaders FiveLeftFour = new(5, 4, TimeSpan.FromSeconds(5), "message-hash", false, null, null);

    [Fact]
    public void GetBucket_HashLearnedFromAnotherChannel_KeepsQueuedRequestsInOneBucket()
    {
        var time = new ManualTimeProvider();
        var limiter = new DiscordRateLimiter(new GlobalRateLimiter(50, TimeSpan.Zero, time), time);
        var channelA = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", 1UL);
        var channelB = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", 2UL);

        // Requests for both channels queue before any answer arrived.
        var queuedForA = limiter.GetBucket(channelA);
        var queuedForB = limiter.GetBucket(channelB);

        // Channel A's first answer teaches the route's bucket hash; channel B has had no answer yet.
        limiter.Update(queuedForA, channelA, FiveLeftFour, successful: true);

        // A later request for channel B must join B's queue, not open a second one beside it.
        Assert.Same(queuedForB, limiter.GetBucket(channelB));
        Assert.Same(queuedForA, limiter.GetBucket(channelA));
        Assert.NotSame(queuedForA, queuedForB);

        // And once B's own answer arrives, nothing splits either.
        limiter.Update(queuedForB, channelB, FiveLeftFour, successful: true);
        Assert.Same(queuedForB, limiter.GetBucket(channelB));
    }

    [Fact]
    public void GetBucket_NewChannelAfterHashIsKnown_GetsOneBucket()
    {
        var time = new ManualTimeProvider();
        var limiter = new DiscordRateLimiter(new GlobalRateLimiter(50, TimeSpan.Zero, time), time);
        var channelA = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", 1UL);
        var channelC = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", 3UL);
        limiter.Update(limiter.GetBucket(channelA), channelA, FiveLeftFour, successful: true);

        Assert.Same(limiter.GetBucket(channelC), limiter.GetBucket(channelC));
        Assert.NotSame(limiter.GetBucket(channelA), limiter.GetBucket(channelC));
    }
}
