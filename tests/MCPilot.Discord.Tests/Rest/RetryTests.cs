using MCPilot.Discord.Rest;

namespace MCPilot.Discord.Tests.Rest;

/// <summary>Retries of 5xx and dropped connections never duplicate a message.</summary>
public sealed class RetryTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";
    private const string ExecuteWebhook = "POST /webhooks/{webhook_id}/{webhook_token}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateMessage_ServerErrors_RetriedWithoutDuplicate(bool afterProcessing)
    {
        await using var h = await DiscordHarness.StartAsync();
        h.Fake.Faults.FailNext(2, 502, CreateMessage, afterProcessing);

        var message = await h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest { Content = "exactly once" }, Ct);

        var stored = Assert.Single(h.State.GetMessages(h.Demo.General.Id));
        Assert.Equal(stored.Id, message.Id);
        Assert.Equal(3, h.Fake.Exchanges.Count(e => e.Route == "/channels/{channel_id}/messages"));
        // Every attempt carried the same nonce.
        Assert.Single(h.Fake.Exchanges.Where(e => e.Route == "/channels/{channel_id}/messages").Select(e => e.RequestBody!["nonce"]!.ToString()).Distinct());
    }

    [Fact]
    public async Task CreateMessage_DroppedConnectionAfterPosting_NoDuplicate()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.Fake.Faults.DropNext(1, CreateMessage, afterProcessing: true);
        var message = await h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest { Content = "dropped once" }, Ct);
        Assert.Equal(message.Id, Assert.Single(h.State.GetMessages(h.Demo.General.Id)).Id);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task ExecuteWebhook_LostAnswer_ReconciledWithoutDuplicate(bool afterProcessing, bool drop)
    {
        await using var h = await DiscordHarness.StartAsync();
        var webhook = await h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "hook" }, Ct);
        if (drop)
        {
            h.Fake.Faults.DropNext(1, ExecuteWebhook, afterProcessing);
        }
        else
        {
            h.Fake.Faults.FailNext(1, 500, ExecuteWebhook, afterProcessing);
        }

        var message = await h.Client.ExecuteWebhookAsync(webhook.Id, webhook.Token!, new ExecuteWebhookRequest { Content = "once", Username = "Nova" }, h.Demo.Thread.Id, Ct);

        var stored = Assert.Single(h.State.GetMessages(h.Demo.Thread.Id));
        Assert.Equal(stored.Id, message.Id);
        Assert.Equal("Nova", message.Author.Username);
        var executions = h.Fake.Exchanges.Count(e => e.Route == "/webhooks/{webhook_id}/{webhook_token}" && e.Method == "POST");
        Assert.Equal(afterProcessing ? 1 : 2, executions);
    }

    [Fact]
    public async Task ExecuteWebhook_RepeatOfTheLastMessageRetried_PostsAgain()
    {
        await using var h = await DiscordHarness.StartAsync();
        var webhook = await h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "hook" }, Ct);
        var ok = new ExecuteWebhookRequest { Content = "ok", Username = "Nova" };
        var first = await h.Client.ExecuteWebhookAsync(webhook.Id, webhook.Token!, ok, null, Ct);

        // The repeat's first attempt fails before Discord processes it: its retry must post, not
        // take the first "ok" (same webhook, content and name, a moment ago) for its own.
        h.Fake.Faults.FailNext(1, 502, ExecuteWebhook);
        var second = await h.Client.ExecuteWebhookAsync(webhook.Id, webhook.Token!, ok, null, Ct);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([first.Id, second.Id], h.State.GetMessages(h.Demo.General.Id).Select(m => m.Id));
    }

    [Fact]
    public async Task CreateMessage_NonceNotEnforced_AmbiguousFailureIsNotRetried()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.Fake.Faults.FailNext(1, 502, CreateMessage, afterProcessing: true);

        // Without enforce_nonce, Discord would post a repeat again: the lost answer surfaces instead.
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest { Content = "posted once", EnforceNonce = false }, Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("posted once", Assert.Single(h.State.GetMessages(h.Demo.General.Id)).Content);
    }

    [Fact]
    public async Task ServerErrors_PastMaxRetries_Throw()
    {
        await using var h = await DiscordHarness.StartAsync(configure: o => o.Rest.MaxRetries = 2);
        h.Fake.Faults.FailNext(3, 503, "GET /channels/{channel_id}");
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync(h.Demo.General.Id, Ct));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, h.Fake.Exchanges.Count(e => e.Route == "/channels/{channel_id}"));
    }

    [Fact]
    public async Task CreateWebhook_AmbiguousFailure_IsNotRetried()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.Fake.Faults.FailNext(1, 500, "POST /channels/{channel_id}/webhooks", afterProcessing: true);
        await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "hook" }, Ct));
        Assert.Single(h.State.GetWebhooks(h.Demo.General.Id));
    }

    [Fact]
    public async Task Latency_BeyondTimeout_IsRetriedAsATimeout()
    {
        await using var h = await DiscordHarness.StartAsync(configure: o => o.Rest.RequestTimeout = TimeSpan.FromMilliseconds(300));
        h.Fake.Faults.SetLatency(TimeSpan.FromSeconds(2), "GET /guilds/{guild_id}/roles");
        var pending = h.Client.GetGuildRolesAsync(h.Demo.Guild.Id, Ct);
        await Task.Delay(100, Ct);
        h.Fake.Faults.SetLatency(TimeSpan.Zero, "GET /guilds/{guild_id}/roles");
        var roles = await pending;
        Assert.Equal(2, roles.Count);
    }
}
