using MCPilot.Tests.Fakes;
using MCPilot.Activity;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.Entities;
using MCPilot.Tools;

namespace MCPilot.Tests.DiscordTools;

public sealed class EntityDiscordTests : DiscordWorldTests
{
    private DateOnly Today => DateOnly.FromDateTime(World.Services.Time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task SendMessageAsync_AllowedChannel_PostsWithEntityNameAndAvatarAndRecordsIt()
    {
        var ada = await World.EntityAsync("Ada");

        var result = await World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, "Hello, humans.", cancellationToken: Token);

        var posted = World.State.GetMessage(result.Messages.Single().Id)!;
        Assert.Equal("Hello, humans.", posted.Content);
        Assert.Equal("Ada", posted.Username);
        Assert.Equal("https://avatars.example.com/ada.png", posted.AvatarUrl);
        Assert.NotNull(posted.WebhookId);
        Assert.Equal(ada.Id, (await World.Services.SentMessages.FindAsync(posted.Id, Token))!.EntityId);
        Assert.Equal(1, World.Services.Counters.CountsOn(World.Demo.Guild.Id, Today).Sum(r => r.Messages));
    }

    [Fact]
    public async Task SendMessageAsync_Thread_PostsThroughParentWebhookIntoThread()
    {
        var ada = await World.EntityAsync("Ada", DiscordTestWorld.Only(World.Demo.General.Id));

        var result = await World.Discord(ada.Id).SendMessageAsync(World.Demo.Thread.Id, "In the thread.", cancellationToken: Token);

        Assert.Equal(World.Demo.General.Id, result.ChannelId);
        Assert.Equal(World.Demo.Thread.Id, result.ThreadId);
        Assert.Equal(World.Demo.Thread.Id, World.State.GetMessage(result.Messages[0].Id)!.ChannelId);
        Assert.Empty(World.State.GetWebhooks(World.Demo.Thread.Id));
    }

    [Fact]
    public async Task SendMessageAsync_LongContent_SplitIntoPartsEachTakingASend()
    {
        var ada = await World.EntityAsync("Ada", change: e => e with { RateLimits = new EntityRateLimits { SendsPerMinute = 60, Burst = 3 } });
        var paragraph = new string('x', 1500);

        var result = await World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, $"{paragraph}\n\n{paragraph}\n\n{paragraph}", cancellationToken: Token);

        Assert.Equal(3, result.Messages.Count);
        Assert.All(result.Messages, m => Assert.True(World.State.GetMessage(m.Id)!.Content.Length <= 2000));
        var limited = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, "one more", cancellationToken: Token));
        Assert.Equal(ToolCallOutcome.RateLimited, limited.Outcome);
        Assert.Contains("Retry in", limited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessageAsync_ChannelOutsidePolicy_DeniedWithoutTouchingDiscord()
    {
        var ada = await World.EntityAsync("Ada", DiscordTestWorld.Only(World.Demo.General.Id));
        var before = World.Fake.RequestCount;

        var denied = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendMessageAsync(World.Demo.Random.Id, "hi", cancellationToken: Token));

        Assert.Equal(ToolCallOutcome.Denied, denied.Outcome);
        Assert.Contains($"may not use channel {World.Demo.Random.Id}", denied.Message, StringComparison.Ordinal);
        Assert.Empty(World.State.GetMessages(World.Demo.Random.Id));
        Assert.Empty(World.State.GetWebhooks(World.Demo.Random.Id));
        Assert.True(World.Fake.RequestCount - before <= 1); // at most the channel lookup
    }

    [Fact]
    public async Task SendMessageAsync_OtherGuildOrUnknownChannel_SameRefusal()
    {
        var ada = await World.EntityAsync("Ada");
        var otherGuild = World.State.CreateGuild("Elsewhere");
        var otherChannel = World.State.CreateChannel(otherGuild.Id, "secret");

        var inOther = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendMessageAsync(otherChannel.Id, "hi", cancellationToken: Token));
        var unknown = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendMessageAsync(999_999_999_999_999_999, "hi", cancellationToken: Token));

        Assert.Equal(inOther.Message.Replace(otherChannel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "X", StringComparison.Ordinal), unknown.Message.Replace("999999999999999999", "X", StringComparison.Ordinal));
        Assert.DoesNotContain(otherGuild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), inOther.Message, StringComparison.Ordinal);
        Assert.Empty(World.State.GetMessages(otherChannel.Id));
    }

    [Fact]
    public async Task SendMessageAsync_DirectMessageChannelOrForum_RefusedWithTheRightTool()
    {
        var ada = await World.EntityAsync("Ada");
        World.State.SendDirectMessage(World.Demo.Alice.Id, "hi bot");
        var dm = World.State.GetDmChannel(World.Demo.Alice.Id)!;

        var inDm = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendMessageAsync(dm.Id, "hi", cancellationToken: Token));
        var inForum = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendMessageAsync(World.Demo.Forum.Id, "hi", cancellationToken: Token));
        var readDm = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).ReadMessagesAsync(dm.Id, MessageQuery.Latest(), Token));

        Assert.Contains("send_dm", inDm.Message, StringComparison.Ordinal);
        Assert.Contains("read_dms", readDm.Message, StringComparison.Ordinal);
        Assert.Contains("forum", inForum.Message, StringComparison.Ordinal);
        Assert.Single(World.State.GetMessages(dm.Id));
    }

    [Fact]
    public async Task SendMessageAsync_BadContent_RefusedNamingTheProblem()
    {
        var ada = await World.EntityAsync("Ada", change: e => e with { BlockedPhrases = ["secret plan"] });
        var discord = World.Discord(ada.Id);

        var empty = await Assert.ThrowsAsync<EntityToolException>(() => discord.SendMessageAsync(World.Demo.General.Id, "  ", cancellationToken: Token));
        var huge = await Assert.ThrowsAsync<EntityToolException>(() => discord.SendMessageAsync(World.Demo.General.Id, new string('a', EntityOptions.DefaultMaxMessageLength + 1), cancellationToken: Token));
        var blocked = await Assert.ThrowsAsync<EntityToolException>(() => discord.SendMessageAsync(World.Demo.General.Id, "The SECRET plan is…", cancellationToken: Token));

        Assert.Contains("'content' is empty", empty.Message, StringComparison.Ordinal);
        Assert.Contains($"'content' is {EntityOptions.DefaultMaxMessageLength + 1} characters long", huge.Message, StringComparison.Ordinal);
        Assert.Equal(ToolCallOutcome.Denied, blocked.Outcome);
        Assert.Empty(World.State.GetMessages(World.Demo.General.Id));
    }

    [Fact]
    public async Task SendMessageAsync_ReplyTo_QuotesExistingAndRefusesUnknown()
    {
        var ada = await World.EntityAsync("Ada");
        var human = World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Alice.Id, "What is 6 times 7?");

        var reply = await World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, "42.", new WebhookPostOptions { ReplyTo = human.Id }, Token);
        var unknown = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, "?", new WebhookPostOptions { ReplyTo = 123 }, Token));

        Assert.Contains("Reply to", World.State.GetMessage(reply.Messages[0].Id)!.Embeds.Single().ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ToolCallOutcome.InvalidArguments, unknown.Outcome);
        Assert.Contains("'reply_to': message 123 is not in channel", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessageAsync_WebhookDeleted_RecreatedAndPosted()
    {
        var ada = await World.EntityAsync("Ada");
        var first = await World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, "one", cancellationToken: Token);
        World.State.DeleteWebhook(first.WebhookId);

        var second = await World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, "two", cancellationToken: Token);

        Assert.NotEqual(first.WebhookId, second.WebhookId);
        Assert.Equal(["one", "two"], World.State.GetMessages(World.Demo.General.Id).Select(m => m.Content));
    }

    [Fact]
    public async Task ListChannelsAsync_Policy_OnlyAllowedChannelsWithTheirThreads()
    {
        var ada = await World.EntityAsync("Ada", DiscordTestWorld.Only(World.Demo.General.Id, World.Demo.Forum.Id));

        var channels = await World.Discord(ada.Id).ListChannelsAsync(cancellationToken: Token);

        Assert.Equal(
            [World.Demo.General.Id, World.Demo.Thread.Id, World.Demo.Forum.Id, World.Demo.ForumPost.Id],
            channels.Select(c => c.Id));
    }

    [Fact]
    public async Task ListServersAsync_OnlyServersOfTheEntity()
    {
        var ada = await World.EntityAsync("Ada");
        World.State.CreateGuild("Not Ada's");

        var servers = await World.Discord(ada.Id).ListServersAsync(Token);

        Assert.Equal([World.GuildId], servers.Select(s => s.Id));
    }

    [Fact]
    public async Task ReadMessagesAsync_AllowedThread_ReturnsItsMessages()
    {
        var ada = await World.EntityAsync("Ada", DiscordTestWorld.Only(World.Demo.General.Id));
        World.State.PostUserMessage(World.Demo.Thread.Id, World.Demo.Bob.Id, "in the thread");

        var messages = await World.Discord(ada.Id).ReadMessagesAsync(World.Demo.Thread.Id, MessageQuery.Latest(10), Token);

        Assert.Equal("in the thread", messages.Single().Content);
    }

    [Fact]
    public async Task AddReactionAsync_Message_BotReactsAndTakesASend()
    {
        var ada = await World.EntityAsync("Ada", change: e => e with { RateLimits = new EntityRateLimits { SendsPerMinute = 1, Burst = 1 } });
        var human = World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Alice.Id, "react to me");

        await World.Discord(ada.Id).AddReactionAsync(World.Demo.General.Id, human.Id, ReactionEmoji.Unicode("👍"), Token);
        var limited = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).AddReactionAsync(World.Demo.General.Id, human.Id, ReactionEmoji.Unicode("🎉"), Token));

        Assert.Equal("👍", World.State.GetMessage(human.Id)!.Reactions.Single().Emoji);
        Assert.Equal(ToolCallOutcome.RateLimited, limited.Outcome);
    }

    [Fact]
    public async Task SendDirectMessageAsync_Member_EmbedShowsEntityAndIsRecorded()
    {
        var ada = await World.EntityAsync("Ada");

        var sent = await World.Discord(ada.Id).SendDirectMessageAsync(World.Demo.Alice.Id, "A private hello.", Token);

        var stored = World.State.GetMessage(sent.Single().Id)!;
        var embed = stored.Embeds.Single();
        Assert.Equal("Ada", (string?)embed["author"]!["name"]);
        Assert.Equal("https://avatars.example.com/ada.png", (string?)embed["author"]!["icon_url"]);
        Assert.Equal("A private hello.", (string?)embed["description"]);
        Assert.Equal(World.State.GetDmChannel(World.Demo.Alice.Id)!.Id, stored.ChannelId);
        var record = (await World.Services.SentMessages.FindAsync(stored.Id, Token))!;
        Assert.Equal(ada.Id, record.EntityId);
        Assert.Null(record.GuildId);
        Assert.Empty(World.Services.Counters.CountsOn(World.Demo.Guild.Id, Today));
    }

    [Fact]
    public async Task SendDirectMessageAsync_UserOutsideEntityServers_Denied()
    {
        var ada = await World.EntityAsync("Ada");
        var stranger = World.State.CreateUser("stranger");

        var denied = await Assert.ThrowsAsync<EntityToolException>(() => World.Discord(ada.Id).SendDirectMessageAsync(stranger.Id, "hi", Token));

        Assert.Equal(ToolCallOutcome.Denied, denied.Outcome);
        Assert.Contains("only message members of its servers", denied.Message, StringComparison.Ordinal);
        Assert.Null(World.State.GetDmChannel(stranger.Id));
    }
}
