using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Tests.Fakes;
using static MCPilot.Tests.Entities.EntityRegistryTests;

namespace MCPilot.Tests.Routing;

public sealed class EntityRouterTests : IAsyncDisposable
{
    private readonly TestServices _services = new();

    private EntityRouter Router => _services.Get<EntityRouter>();

    [Fact]
    public async Task RouteAsync_ChannelPolicies_OnlyCoveredEntitiesReceive()
    {
        var all = await _services.CreateEntityAsync("All", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var listed = await _services.CreateEntityAsync("Listed", new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 } }));
        var denied = await _services.CreateEntityAsync("Denied", new EntityGuildMembership(1, new ChannelPolicy { Deny = new HashSet<ulong> { 10 } }));
        await _services.CreateEntityAsync("Elsewhere", new EntityGuildMembership(2, ChannelPolicy.AllowAll));

        var in10 = await Router.RouteAsync(Message(channel: 10));
        var in11 = await Router.RouteAsync(Message(channel: 11, id: 2));

        Assert.Equal(new[] { all.Id, listed.Id }.OrderBy(i => i.Value), in10.Delivered.OrderBy(i => i.Value));
        Assert.Equal(new[] { all.Id, denied.Id }.OrderBy(i => i.Value), in11.Delivered.OrderBy(i => i.Value));
    }

    [Fact]
    public async Task RouteAsync_ThreadMessage_FollowsParentPolicy()
    {
        var listed = await _services.CreateEntityAsync("Listed", new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 } }));
        await _services.CreateEntityAsync("DeniesParent", new EntityGuildMembership(1, new ChannelPolicy { Deny = new HashSet<ulong> { 10 } }));

        var result = await Router.RouteAsync(Message(channel: 555, parent: 10));

        Assert.Equal([listed.Id], result.Delivered);
        Assert.Equal(555ul, Router.GetFeed(listed.Id).Read().Messages.Single().Message.ChannelId);
    }

    [Fact]
    public async Task RouteAsync_EntityOwnWebhookMessage_NotDeliveredBackButOthersSeeIt()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var bob = await _services.CreateEntityAsync("Bob", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        _services.Get<MCPilot.Tools.EntityServerFactory>().CreateContext(ada.Id).ExpectOwnMessage(10, "hi from Ada");

        var result = await Router.RouteAsync(Message(channel: 10, content: "hi from Ada", webhook: 77, bot: true, author: 77));

        Assert.Equal(ada.Id, result.Author);
        Assert.Equal([bob.Id], result.Delivered);
        Assert.Equal(ada.Id, Router.GetFeed(bob.Id).Read().Messages.Single().FromEntity);
        Assert.Equal(0, Router.GetFeed(ada.Id).Count);
    }

    [Fact]
    public async Task RouteAsync_Mentions_NameRoleAndReplyRecognised()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll) { MentionRoleId = 42 });
        var context = _services.Get<MCPilot.Tools.EntityServerFactory>().CreateContext(ada.Id);
        await context.RecordSentAsync(1, 10, 1000, TestContext.Current.CancellationToken);

        await Router.RouteAsync(Message(channel: 10, id: 1, content: "hey ADA, what now?"));
        await Router.RouteAsync(Message(channel: 10, id: 2, content: "ping", roles: [42]));
        await Router.RouteAsync(Message(channel: 10, id: 3, content: "agreed", replyTo: 1000));
        await Router.RouteAsync(Message(channel: 10, id: 4, content: "Adamant and Canada are not names"));

        var feed = Router.GetFeed(ada.Id).Read(afterSequence: 0, markRead: false).Messages;
        Assert.Equal([FeedMentionKind.Name, FeedMentionKind.Role, FeedMentionKind.Reply, FeedMentionKind.None], feed.Select(m => m.Mention));
        Assert.Equal(3, Router.GetFeed(ada.Id).Read(mentionsOnly: true).Messages.Count);
    }

    [Theory]
    [InlineData("ada", true)]
    [InlineData("hey ada!", true)]
    [InlineData("(ada)", true)]
    [InlineData("adamant ada", true)]
    [InlineData("adamant", false)]
    [InlineData("canada", false)]
    [InlineData("ada_bot", false)]
    [InlineData("ada2", false)]
    [InlineData("éada", false)]
    [InlineData("ada's turn", true)]
    [InlineData("", false)]
    public void ContainsWord_WholeWordsOnly(string text, bool expected) => Assert.Equal(expected, EntityRouter.ContainsWord(text, "ada"));

    [Fact]
    public void ContainsWord_NameWithSpacesAndSymbols_MatchedLiterally()
    {
        Assert.True(EntityRouter.ContainsWord("ask r2-d2 (beta) now", "r2-d2 (beta)"));
        Assert.False(EntityRouter.ContainsWord("ask r2-d2 (beta)x now", "r2-d2 (beta)x2"));
        Assert.False(EntityRouter.ContainsWord("anything", ""));
    }

    [Fact]
    public async Task RouteAsync_ManyEntitiesElsewhere_OnlyIndexedCandidatesConsidered()
    {
        for (var i = 0; i < 200; i++)
        {
            await _services.CreateEntityAsync($"E{i}", new EntityGuildMembership((ulong)(100 + i), ChannelPolicy.AllowAll));
        }

        var target = await _services.CreateEntityAsync("Target", new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 } }));

        Assert.Equal([target.Id], (await Router.RouteAsync(Message(channel: 10))).Delivered);
    }

    [Fact]
    public async Task RouteAsync_BotsAnswerEachOther_LoopGuardStopsAfterHopsUntilHumanSpeaks()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var bob = await _services.CreateEntityAsync("Bob", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var factory = _services.Get<MCPilot.Tools.EntityServerFactory>();
        var results = new List<RouteResult>();
        for (var i = 0; i < EntityOptions.DefaultMaxBotHops + 2; i++)
        {
            var speaker = i % 2 == 0 ? ada : bob;
            var content = $"message {i}";
            factory.CreateContext(speaker.Id).ExpectOwnMessage(10, content);
            results.Add(await Router.RouteAsync(Message(channel: 10, id: (ulong)(i + 1), content: content, webhook: 77, bot: true)));
        }

        Assert.All(results.Take(EntityOptions.DefaultMaxBotHops), r => Assert.False(r.LoopSuppressed));
        Assert.All(results.Skip(EntityOptions.DefaultMaxBotHops), r => Assert.True(r.LoopSuppressed));
        Assert.Equal(2, (await Router.RouteAsync(Message(channel: 10, id: 500, content: "a human"))).Delivered.Count);
        Assert.False((await Router.RouteAsync(Message(channel: 10, id: 501, content: "bot again", bot: true))).LoopSuppressed);
    }

    [Fact]
    public async Task RouteAsync_LoopGuardTripped_CooldownRestartsCount()
    {
        await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        for (var i = 0; i <= EntityOptions.DefaultMaxBotHops; i++)
        {
            await Router.RouteAsync(Message(channel: 10, id: (ulong)(i + 1), bot: true));
        }

        Assert.True((await Router.RouteAsync(Message(channel: 10, id: 100, bot: true))).LoopSuppressed);
        Assert.False((await Router.RouteAsync(Message(channel: 11, id: 101, bot: true))).LoopSuppressed);
        _services.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.False((await Router.RouteAsync(Message(channel: 10, id: 102, bot: true))).LoopSuppressed);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
