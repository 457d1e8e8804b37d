using System.Globalization;
using MCPilot.Activity;
using MCPilot.DiscordTools;
using MCPilot.Entities;
using MCPilot.Tools;

namespace MCPilot.Tests.DiscordTools;

/// <summary>The Discord tools as a model sees them: their text, their ids, their refusals.</summary>
public sealed class DiscordToolsTests : DiscordWorldTests
{
    [Fact]
    public async Task ReadMessages_SinceLastRead_OnlyNewerOnesAndOwnMessagesMarked()
    {
        var ada = await World.EntityAsync("Ada");
        var general = Id(World.Demo.General.Id);
        var question = World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Alice.Id, "Is anyone here?\nHello?");
        var answer = await World.Services.Tool<DiscordSendTools>(ada.Id).SendMessage(general, "I am.", Id(question.Id), Token);

        var first = await World.Services.Tool<DiscordChannelTools>(ada.Id).ReadMessages(general, cancellationToken: Token);
        var later = World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Bob.Id, "Me too.");
        var second = await World.Services.Tool<DiscordChannelTools>(ada.Id).ReadMessages(general, since_last_read: true, cancellationToken: Token);
        var third = await World.Services.Tool<DiscordChannelTools>(ada.Id).ReadMessages(general, since_last_read: true, cancellationToken: Token);

        Assert.StartsWith($"#general (channel {general}): 2 message(s), oldest first:", first, StringComparison.Ordinal);
        Assert.Contains($"[{question.Id}] ", first, StringComparison.Ordinal);
        Assert.Contains($"Alice (user {World.Demo.Alice.Id}): Is anyone here?\n    Hello?", first, StringComparison.Ordinal);
        Assert.Contains("Ada (you): I am.", first, StringComparison.Ordinal);
        Assert.Contains("Posted as Ada in #general", answer, StringComparison.Ordinal);
        Assert.Contains($"[{later.Id}] ", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{question.Id}]", second, StringComparison.Ordinal);
        Assert.Equal($"#general (channel {general}): no newer messages since your last read.", third);
    }

    [Fact]
    public async Task ReadMessages_AnotherEntitysMessage_MarkedAsAnAIEntity()
    {
        var ada = await World.EntityAsync("Ada");
        var cyd = await World.EntityAsync("Cyd");
        await World.Discord(cyd.Id).SendMessageAsync(World.Demo.General.Id, "Cyd here.", cancellationToken: Token);

        var text = await World.Services.Tool<DiscordChannelTools>(ada.Id).ReadMessages(Id(World.Demo.General.Id), cancellationToken: Token);

        Assert.Contains("Cyd (AI entity): Cyd here.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMessages_FullPage_SaysHowToReadOlder()
    {
        var ada = await World.EntityAsync("Ada");
        var posted = Enumerable.Range(1, 3).Select(i => World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Alice.Id, $"m{i}")).ToList();

        var text = await World.Services.Tool<DiscordChannelTools>(ada.Id).ReadMessages(Id(World.Demo.General.Id), limit: 2, cancellationToken: Token);

        Assert.DoesNotContain("m1", text, StringComparison.Ordinal);
        Assert.EndsWith($"There may be older messages: read_messages with before=\"{posted[1].Id}\".\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMessages_ConflictingOrBadArguments_ClearErrors()
    {
        var ada = await World.EntityAsync("Ada");
        var tools = World.Services.Tool<DiscordChannelTools>(ada.Id);
        var general = Id(World.Demo.General.Id);

        var both = await Assert.ThrowsAsync<EntityToolException>(() => tools.ReadMessages(general, before: "1", after: "2", cancellationToken: Token));
        var limit = await Assert.ThrowsAsync<EntityToolException>(() => tools.ReadMessages(general, limit: 0, cancellationToken: Token));
        var channel = await Assert.ThrowsAsync<EntityToolException>(() => tools.ReadMessages("#general", cancellationToken: Token));

        Assert.Equal("Give at most one of 'before', 'after' and 'since_last_read'.", both.Message);
        Assert.Equal("'limit' must be from 1 to 100 (got 0).", limit.Message);
        Assert.All(new[] { both, limit, channel }, e => Assert.Equal(ToolCallOutcome.InvalidArguments, e.Outcome));
        Assert.StartsWith("'channel' must be the id of a channel or thread", channel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListChannels_AllowedChannelsWithThreadsAndForumPosts()
    {
        var ada = await World.EntityAsync("Ada", DiscordTestWorld.Only(World.Demo.General.Id, World.Demo.Forum.Id));

        var text = (await World.Services.Tool<DiscordChannelTools>(ada.Id).ListChannels(cancellationToken: Token)).ReplaceLineEndings("\n");

        Assert.Equal(
            $"MCPilot Playground (server {World.GuildId}):\n" +
            $"- #general (channel {World.Demo.General.Id})\n" +
            $"  - thread \"entities-chat\" (thread {World.Demo.Thread.Id})\n" +
            $"- #ideas (channel {World.Demo.Forum.Id}, forum: read and post in its posts below)\n" +
            $"  - thread \"What should the entities build?\" (thread {World.Demo.ForumPost.Id})\n",
            text);
    }

    [Fact]
    public async Task ListChannels_ServerOfAnotherEntity_Denied()
    {
        var ada = await World.EntityAsync("Ada");
        var other = World.State.CreateGuild("Other");

        var denied = await Assert.ThrowsAsync<EntityToolException>(() => World.Services.Tool<DiscordChannelTools>(ada.Id).ListChannels(Id(other.Id), Token));

        Assert.Equal(ToolCallOutcome.Denied, denied.Outcome);
        Assert.Empty(World.State.GetChannels(other.Id));
    }

    [Fact]
    public async Task ListServers_NamesPolicyAndServersTheBotIsNotIn()
    {
        var ada = await World.EntityAsync("Ada", change: e => e with
        {
            Guilds = [new EntityGuildMembership(World.GuildId, new ChannelPolicy { Deny = new HashSet<ulong> { 5 } }) { MentionRoleId = 7 }, new EntityGuildMembership(999, ChannelPolicy.AllowAll)],
        });

        var text = (await World.Services.Tool<DiscordChannelTools>(ada.Id).ListServers(Token)).ReplaceLineEndings("\n");

        Assert.Equal(
            "Ada is in 2 server(s):\n" +
            $"- MCPilot Playground (server {World.GuildId}): all channels except 5; messages mentioning role 7 address you\n" +
            "- server 999: the bot is not in this server, so Ada cannot use it until someone invites the bot.\n",
            text);
    }

    [Fact]
    public async Task AddReaction_UnparsableEmoji_RefusedBeforeDiscord()
    {
        var ada = await World.EntityAsync("Ada");
        var message = World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Alice.Id, "hi");

        var bad = await Assert.ThrowsAsync<EntityToolException>(() => World.Services.Tool<DiscordSendTools>(ada.Id).AddReaction(Id(World.Demo.General.Id), Id(message.Id), "thumbs up", Token));
        var ok = await World.Services.Tool<DiscordSendTools>(ada.Id).AddReaction(Id(World.Demo.General.Id), Id(message.Id), "🎉", Token);

        Assert.StartsWith("'emoji' must be a Unicode emoji", bad.Message, StringComparison.Ordinal);
        Assert.Equal($"Reacted 🎉 to message [{message.Id}] in channel {World.Demo.General.Id}.", ok);
    }

    [Fact]
    public async Task SendDm_Member_SaysWhereRepliesArrive()
    {
        var ada = await World.EntityAsync("Ada");

        var text = await World.Services.Tool<DiscordSendTools>(ada.Id).SendDm(Id(World.Demo.Alice.Id), "psst", Token);

        var sent = World.State.GetMessages(World.State.GetDmChannel(World.Demo.Alice.Id)!.Id).Single();
        Assert.Equal($"Sent a direct message to user {World.Demo.Alice.Id} as Ada: message [{sent.Id}]. Their replies arrive in read_dms.", text);
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
