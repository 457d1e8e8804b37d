using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Tests.Gateway;
using MCPilot.Discord.Webhooks;
using MCPilot.Testing;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Discord.Tests.Webhooks;

public sealed class WebhookIdentityEngineTests
{
    private static readonly WebhookIdentity Nova = new("Nova", "https://example.com/nova.png");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExecuteAsIdentityAsync_ConcurrentFirstPosts_CreateOneWebhook()
    {
        await using var h = await DiscordHarness.StartAsync();
        var posts = Enumerable.Range(0, 8).Select(i => h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, new WebhookIdentity($"Entity {i}"), $"hello {i}", cancellationToken: Ct));
        var results = await Task.WhenAll(posts);

        var webhook = Assert.Single(h.State.GetWebhooks(h.Demo.General.Id));
        Assert.Equal(h.State.ApplicationId, webhook.ApplicationId);
        Assert.All(results, r => Assert.Equal(webhook.Id, r.WebhookId));
        Assert.Equal(8, h.State.GetMessages(h.Demo.General.Id).Count);
        Assert.Single(h.Fake.Exchanges, e => e.Method == "POST" && e.Route == "/channels/{channel_id}/webhooks");
        Assert.True(h.Engine.IsManagedWebhook(webhook.Id));
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_ShowsNameAndAvatar_AndReusesTheWebhook()
    {
        await using var h = await DiscordHarness.StartAsync();
        var first = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "first", cancellationToken: Ct);
        var second = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, new WebhookIdentity("Orion"), "second", cancellationToken: Ct);

        var message = Assert.Single(first.Messages);
        Assert.Equal("Nova", message.Author.Username);
        Assert.Equal(first.WebhookId, message.WebhookId);
        Assert.Equal("https://example.com/nova.png", h.State.GetMessage(message.Id)!.AvatarUrl);
        Assert.Equal("Orion", second.Messages[0].Author.Username);
        Assert.Equal(first.WebhookId, second.WebhookId);
        Assert.Single(h.Fake.Exchanges, e => e.Route == "/channels/{channel_id}/webhooks" && e.Method == "GET");
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_ExistingOwnWebhook_IsFoundNotCreated()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.State.CreateUserWebhook(h.Demo.General.Id, "Someone else's");
        var existing = await h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "MCPilot" }, Ct);
        var result = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "hi", cancellationToken: Ct);
        Assert.Equal(existing.Id, result.WebhookId);
        Assert.Equal(2, h.State.GetWebhooks(h.Demo.General.Id).Count);
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_ThreadAndForumPost_GoThroughTheParentsWebhook()
    {
        await using var h = await DiscordHarness.StartAsync();
        var inThread = await h.Engine.ExecuteAsIdentityAsync(h.Demo.Thread.Id, Nova, "in the thread", cancellationToken: Ct);
        var inPost = await h.Engine.ExecuteAsIdentityAsync(h.Demo.ForumPost.Id, Nova, "in the post", cancellationToken: Ct);

        Assert.Equal(h.Demo.General.Id, inThread.ChannelId);
        Assert.Equal(h.Demo.Thread.Id, inThread.ThreadId);
        Assert.Equal(h.Demo.Thread.Id, inThread.Messages[0].ChannelId);
        Assert.Equal(h.Demo.General.Id, Assert.Single(h.State.GetWebhooks(h.Demo.General.Id)).ChannelId);
        Assert.Equal(h.Demo.Forum.Id, inPost.ChannelId);
        Assert.Equal(h.Demo.ForumPost.Id, inPost.Messages[0].ChannelId);
        Assert.Single(h.State.GetWebhooks(h.Demo.Forum.Id));
        Assert.Empty(h.State.GetWebhooks(h.Demo.Thread.Id));

        var forum = await Assert.ThrowsAsync<WebhookIdentityException>(() => h.Engine.ExecuteAsIdentityAsync(h.Demo.Forum.Id, Nova, "into the forum itself", cancellationToken: Ct));
        Assert.Contains("#ideas", forum.Message, StringComparison.Ordinal);
        Assert.Contains("forum", forum.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_ArchivedThread_IsReopenedByThePost()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.State.SetThreadArchived(h.Demo.Thread.Id, archived: true);
        await h.Engine.ExecuteAsIdentityAsync(h.Demo.Thread.Id, Nova, "wake up", cancellationToken: Ct);
        Assert.False(h.State.GetChannel(h.Demo.Thread.Id)!.Archived);
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_DeletedWebhook_IsRecreatedOnce()
    {
        await using var h = await DiscordHarness.StartAsync();
        var first = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "before", cancellationToken: Ct);
        h.State.DeleteWebhook(first.WebhookId);

        var second = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "after", cancellationToken: Ct);

        Assert.NotEqual(first.WebhookId, second.WebhookId);
        Assert.Equal(second.WebhookId, Assert.Single(h.State.GetWebhooks(h.Demo.General.Id)).Id);
        Assert.Equal(["before", "after"], h.State.GetMessages(h.Demo.General.Id).Select(m => m.Content));
        Assert.False(h.Engine.IsManagedWebhook(first.WebhookId));
        Assert.Single(h.Fake.Exchanges, e => e.Status == 404 && e.Route == "/webhooks/{webhook_id}/{webhook_token}");
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_RecreatedWebhookFailsToo_Surfaces()
    {
        await using var h = await DiscordHarness.StartAsync();
        var first = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "before", cancellationToken: Ct);
        h.State.DeleteWebhook(first.WebhookId);
        h.State.DenyBotPermission(h.Demo.General.Id, FakeBotPermission.ManageWebhooks);

        var error = await Assert.ThrowsAsync<WebhookIdentityException>(() => h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "after", cancellationToken: Ct));
        Assert.Contains("Manage Webhooks", error.Message, StringComparison.Ordinal);
        Assert.Contains("#general", error.Message, StringComparison.Ordinal);
        Assert.Equal(h.Demo.General.Id, error.ChannelId);
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_ChannelWith15ForeignWebhooks_FailsNamingTheChannel()
    {
        await using var h = await DiscordHarness.StartAsync();
        for (var i = 0; i < 15; i++)
        {
            h.State.CreateUserWebhook(h.Demo.Random.Id, $"hook {i}");
        }

        var error = await Assert.ThrowsAsync<WebhookIdentityException>(() => h.Engine.ExecuteAsIdentityAsync(h.Demo.Random.Id, Nova, "hi", cancellationToken: Ct));

        Assert.Contains("#random", error.Message, StringComparison.Ordinal);
        Assert.Contains(h.Demo.Random.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("15 webhooks", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Fake.Exchanges, e => e.Method == "POST" && e.Route == "/channels/{channel_id}/webhooks");
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_ChannelFillsUpBetweenListingAndCreate_FailsNamingTheChannel()
    {
        // FakeDiscord on a manual clock, so the engine's create can be held while another app adds a webhook.
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.None, TimeProvider = time });
        for (var i = 0; i < 14; i++)
        {
            h.State.CreateUserWebhook(h.Demo.Random.Id, $"hook {i}");
        }

        h.Fake.Faults.SetLatency(TimeSpan.FromSeconds(1), "POST /channels/{channel_id}/webhooks");
        var post = h.Engine.ExecuteAsIdentityAsync(h.Demo.Random.Id, Nova, "hi", cancellationToken: Ct);
        await GatewayHarness.WaitUntilAsync(() => h.Fake.Exchanges.Any(e => e.Method == "GET" && e.Route == "/channels/{channel_id}/webhooks"), "the engine has listed 14 webhooks");
        h.State.CreateUserWebhook(h.Demo.Random.Id, "the fifteenth");
        await GatewayHarness.WaitUntilAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return post.IsCompleted;
            },
            "the engine's create is answered");

        var error = await Assert.ThrowsAsync<WebhookIdentityException>(() => post);
        Assert.Contains("#random", error.Message, StringComparison.Ordinal);
        Assert.Contains(h.Demo.Random.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("15 webhooks", error.Message, StringComparison.Ordinal);
        Assert.Equal(h.Demo.Random.Id, error.ChannelId);
        Assert.Equal(DiscordErrorCodes.MaximumWebhooks, Assert.IsType<DiscordRestException>(error.InnerException).Code);
        Assert.Equal(15, h.State.GetWebhooks(h.Demo.Random.Id).Count);
        Assert.Empty(h.State.GetMessages(h.Demo.Random.Id));
    }

    [Theory]
    [InlineData("Discord Helper", "D\u200Aiscord Helper")]
    [InlineData("clyde", "c\u200Alyde")]
    public async Task ExecuteAsIdentityAsync_ForbiddenWordsInName_AreNeutralised(string name, string shown)
    {
        await using var h = await DiscordHarness.StartAsync();
        var result = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, new WebhookIdentity(name), "hi", cancellationToken: Ct);
        Assert.Equal(shown, result.Messages[0].Author.Username);
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_Mentions_DenyEveryoneHereAndRolesByDefault()
    {
        await using var h = await DiscordHarness.StartAsync();
        var content = $"@everyone @here <@&{h.Demo.Moderators.Id}> <@{h.Demo.Alice.Id}>";
        var safe = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, content, cancellationToken: Ct);
        var message = safe.Messages[0];
        Assert.False(message.MentionEveryone);
        Assert.Empty(message.MentionRoles);
        Assert.Equal([h.Demo.Alice.Id], message.Mentions.Select(u => u.Id));

        var allowed = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, content, new WebhookPostOptions { AllowedMentions = new AllowedMentions { Roles = [h.Demo.Moderators.Id] } }, Ct);
        Assert.Equal([h.Demo.Moderators.Id], allowed.Messages[0].MentionRoles);
        Assert.False(allowed.Messages[0].MentionEveryone);
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_LongContent_IsSplitInOrderOutsideCodeBlocks()
    {
        await using var h = await DiscordHarness.StartAsync();
        var code = "```cs\n" + string.Join('\n', Enumerable.Range(0, 40).Select(i => $"var x{i} = {i};")) + "\n```";
        var content = new string('a', 1500) + "\n\n" + code + "\n\n" + string.Join(' ', Enumerable.Repeat("word", 400));

        var result = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, content, cancellationToken: Ct);

        Assert.True(result.Messages.Count >= 3);
        Assert.All(result.Messages, m => Assert.True(m.Content.Length <= 2000));
        Assert.Equal(result.Messages.Select(m => m.Id), h.State.GetMessages(h.Demo.General.Id).Select(m => m.Id));
        Assert.Contains(result.Messages, m => m.Content.StartsWith(code, StringComparison.Ordinal));
        Assert.All(result.Messages, m => Assert.Equal(0, (m.Content.Split("```").Length - 1) % 2));
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_ReplyTo_QuotesTheMessage()
    {
        await using var h = await DiscordHarness.StartAsync();
        var question = h.State.PostUserMessage(h.Demo.General.Id, h.Demo.Alice.Id, "What do entities dream of?");
        var result = await h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "Electric sheep.", new WebhookPostOptions { ReplyTo = question.Id }, Ct);
        var quote = Assert.Single(result.Messages[0].Embeds);
        Assert.Contains("Alice", quote.Author!.Name, StringComparison.Ordinal);
        Assert.Contains("What do entities dream of?", quote.Description, StringComparison.Ordinal);
        Assert.Contains($"/{h.Demo.Guild.Id}/{h.Demo.General.Id}/{question.Id}", quote.Description, StringComparison.Ordinal);
        Assert.Empty(result.Messages[0].Mentions);
    }

    [Fact]
    public async Task ExecuteAsIdentityAsync_BadInput_FailsClearly()
    {
        await using var h = await DiscordHarness.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, new WebhookIdentity(" \u200B "), "hi", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, new WebhookIdentity("Nova", "ftp://x/y.png"), "hi", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Engine.ExecuteAsIdentityAsync(h.Demo.General.Id, Nova, "   ", cancellationToken: Ct));
        var dm = await h.Client.CreateDmChannelAsync(h.Demo.Alice.Id, Ct);
        var error = await Assert.ThrowsAsync<WebhookIdentityException>(() => h.Engine.ExecuteAsIdentityAsync(dm.Id, Nova, "hi", cancellationToken: Ct));
        Assert.Contains("direct message", error.Message, StringComparison.Ordinal);
    }
}
