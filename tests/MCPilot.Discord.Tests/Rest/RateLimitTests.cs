using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Discord.Tests.Rest;

/// <summary>The client against FakeDiscord enforcing limits over real sockets.</summary>
public sealed class RateLimitTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Burst_500SendsAcross10Channels_No429s()
    {
        // Discord's shape of limits (5 messages per window per channel, a global limit), with
        // short windows so the burst takes seconds: the client must wait on the headers, never on a 429.
        var limits = new FakeDiscordRateLimits
        {
            Global = new FakeRateLimit(400, TimeSpan.FromSeconds(1)),
            MessageCreate = new FakeRateLimit(5, TimeSpan.FromMilliseconds(250)),
        };
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { RateLimits = limits }, o => o.Rest.GlobalRequestsPerSecond = 400);
        var channels = Enumerable.Range(0, 10).Select(i => h.State.CreateChannel(h.Demo.Guild.Id, $"burst-{i}").Id).ToList();

        var sends = Enumerable.Range(0, 500).Select(i => h.Client.CreateMessageAsync(channels[i % 10], new CreateMessageRequest { Content = $"message {i}" }, Ct));
        var messages = await Task.WhenAll(sends);

        Assert.True(h.Fake.TooManyRequestsCount == 0, string.Join("\n", h.Fake.Exchanges.Select((e, i) => $"{i} {e.Status} {e.Path}").Where(l => l.Contains(" 429 ", StringComparison.Ordinal)).Take(20)));
        Assert.Equal(500, messages.Select(m => m.Id).Distinct().Count());
        Assert.All(channels, c => Assert.Equal(50, h.State.GetMessages(c).Count));
        // Per channel, messages keep the order they were sent in.
        var first = h.State.GetMessages(channels[0]).Select(m => int.Parse(m.Content["message ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(first.Order(), first);
        Assert.Equal(0, h.Transport.InvalidRequestCount);
    }

    [Fact]
    public async Task Burst_WithoutTheClientsLimiter_WouldBeLimited()
    {
        // The control for the burst test: the same server answers 429 to a client that ignores the headers.
        var limits = new FakeDiscordRateLimits { MessageCreate = new FakeRateLimit(5, TimeSpan.FromSeconds(5)) };
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { RateLimits = limits });
        using var raw = new HttpClient();
        var url = new Uri(h.Fake.ApiBaseUrl, $"channels/{h.Demo.General.Id}/messages");
        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"content\":\"x\"}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Authorization", "Bot " + h.Fake.BotToken);
            request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.com, 1.0)");
            using var response = await raw.SendAsync(request, Ct);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == 200));
        Assert.Equal(3, statuses.Count(s => s == 429));
    }

    [Theory]
    [InlineData(FakeRateLimitScope.User, 1)]
    [InlineData(FakeRateLimitScope.Global, 1)]
    [InlineData(FakeRateLimitScope.Shared, 0)]
    public async Task Recovers_From429_InEachScope(FakeRateLimitScope scope, int invalid)
    {
        await using var h = await DiscordHarness.StartAsync();
        h.Fake.Faults.RateLimitNext(1, scope, TimeSpan.FromMilliseconds(150), CreateMessage);

        var message = await h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest { Content = "after the limit" }, Ct);

        Assert.Equal("after the limit", message.Content);
        Assert.Equal(1, h.Fake.TooManyRequestsCount);
        Assert.Single(h.State.GetMessages(h.Demo.General.Id));
        Assert.Equal(invalid, h.Transport.InvalidRequestCount);
    }

    [Fact]
    public async Task Global429_HoldsOtherRoutesUntilRetryAfter()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.Fake.Faults.RateLimitNext(1, FakeRateLimitScope.Global, TimeSpan.FromMilliseconds(400), "GET /users/@me");
        var limited = h.Client.GetCurrentUserAsync(Ct);
        while (h.Transport.RateLimiter.Global.BlockedFor == TimeSpan.Zero)
        {
            await Task.Delay(2, Ct);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var roles = await h.Client.GetGuildRolesAsync(h.Demo.Guild.Id, Ct);
        var waited = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await limited;

        // Another route, another bucket: only the global block can have held it back.
        Assert.NotEmpty(roles);
        Assert.True(waited >= TimeSpan.FromMilliseconds(200), $"waited {waited.TotalMilliseconds} ms");
        Assert.Equal(1, h.Fake.TooManyRequestsCount);
    }

    [Fact]
    public async Task LongRetryAfter_FailsInsteadOfBlocking()
    {
        await using var h = await DiscordHarness.StartAsync(configure: o => o.Rest.MaxRateLimitWait = TimeSpan.FromSeconds(2));
        h.Fake.Faults.RateLimitNext(1, FakeRateLimitScope.User, TimeSpan.FromSeconds(30), CreateMessage);
        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest { Content = "x" }, Ct));
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Contains("MaxRateLimitWait", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.State.GetMessages(h.Demo.General.Id));
    }

    [Fact]
    public async Task GlobalLimit_ClientStaysUnderIt_AcrossManyBuckets()
    {
        // 60 requests on 60 different buckets: only the global limit (20 per second) can hold them back.
        var limits = new FakeDiscordRateLimits { Global = new FakeRateLimit(20, TimeSpan.FromSeconds(1)) };
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { RateLimits = limits }, o => o.Rest.GlobalRequestsPerSecond = 20);
        var channels = Enumerable.Range(0, 60).Select(i => h.State.CreateChannel(h.Demo.Guild.Id, $"g-{i}").Id).ToList();

        await Task.WhenAll(channels.Select(c => h.Client.GetChannelAsync(c, Ct)));

        Assert.Equal(0, h.Fake.TooManyRequestsCount);
        Assert.Equal(60, h.Fake.Exchanges.Count(e => e.Route == "/channels/{channel_id}" && e.Status == 200));
    }

    [Fact]
    public async Task InteractionCallbacks_AreExemptFromTheGlobalLimit()
    {
        var limits = new FakeDiscordRateLimits { Global = new FakeRateLimit(2, TimeSpan.FromSeconds(10)) };
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { RateLimits = limits }, o => o.Rest.GlobalRequestsPerSecond = 2);
        var interactions = Enumerable.Range(0, 6).Select(_ => h.State.CreateInteraction(h.Demo.General.Id, h.Demo.Alice.Id, "status")).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));

        await Task.WhenAll(interactions.Select(i => h.Client.CreateInteractionResponseAsync(i.Id, i.Token, InteractionResponse.Reply("ok"), timeout.Token)));

        Assert.All(interactions, i => Assert.Equal(4, h.State.GetInteraction(i.Id)!.ResponseType));
        Assert.Equal(0, h.Fake.TooManyRequestsCount);
    }
}
