using MCPilot.Discord.Models;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Tests.DiscordTools;

namespace MCPilot.Tests.Routing;

/// <summary>Routing FakeDiscord's MESSAGE_CREATE dispatches (the Gateway's JSON) through DiscordMessageRouter.</summary>
public sealed class DiscordMessageRouterTests : IAsyncLifetime
{
    private DiscordTestWorld _world = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DiscordMessageRouter Router => _world.Services.Get<DiscordMessageRouter>();

    public async ValueTask InitializeAsync() => _world = await DiscordTestWorld.StartAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RouteAsync_HumanMessage_ReachesEntitiesCoveringTheChannelWithMentions()
    {
        var ada = await _world.EntityAsync("Ada", DiscordTestWorld.Only(_world.Demo.General.Id));
        var cyd = await _world.EntityAsync("Cyd", DiscordTestWorld.Only(_world.Demo.Random.Id));
        var posted = _world.State.PostUserMessage(_world.Demo.General.Id, _world.Demo.Alice.Id, "Hey Ada, <@&" + _world.Demo.Moderators.Id + "> look");

        var routed = Assert.Single(await _world.Gateway.DrainAsync());

        Assert.Equal([ada.Id], routed.Delivered);
        var item = _world.Services.Get<EntityRouter>().GetFeed(ada.Id).Read().Messages.Single();
        Assert.Equal(posted.Id, item.Message.MessageId);
        Assert.Equal(_world.GuildId, item.Message.GuildId);
        Assert.Equal("Alice", item.Message.AuthorName);
        Assert.Equal(FeedMentionKind.Name, item.Mention);
        Assert.Equal([_world.Demo.Moderators.Id], item.Message.MentionedRoleIds);
        Assert.Equal(0, _world.Services.Get<EntityRouter>().GetFeed(cyd.Id).Count);
    }

    [Fact]
    public async Task RouteAsync_ThreadMessage_ParentChannelPolicyDecides()
    {
        var inGeneral = await _world.EntityAsync("Ada", DiscordTestWorld.Only(_world.Demo.General.Id));
        await _world.EntityAsync("Cyd", DiscordTestWorld.Only(_world.Demo.Random.Id));
        _world.State.PostUserMessage(_world.Demo.Thread.Id, _world.Demo.Bob.Id, "thread talk");

        var routed = Assert.Single(await _world.Gateway.DrainAsync());

        Assert.Equal([inGeneral.Id], routed.Delivered);
        var message = _world.Services.Get<EntityRouter>().GetFeed(inGeneral.Id).Read().Messages.Single().Message;
        Assert.Equal(_world.Demo.Thread.Id, message.ChannelId);
        Assert.Equal(_world.Demo.General.Id, message.ParentChannelId);
    }

    [Fact]
    public async Task RouteAsync_EntityPostEcho_NeverBackToItsSenderButOthersSeeIt()
    {
        var ada = await _world.EntityAsync("Ada");
        var cyd = await _world.EntityAsync("Cyd");
        await _world.Discord(ada.Id).SendMessageAsync(_world.Demo.General.Id, "Hello from Ada", cancellationToken: Token);

        var routed = Assert.Single(await _world.Gateway.DrainAsync());

        Assert.Equal(ada.Id, routed.Author);
        Assert.Equal([cyd.Id], routed.Delivered);
        Assert.Equal(0, _world.Services.Get<EntityRouter>().GetFeed(ada.Id).Count);
        Assert.Equal(ada.Id, _world.Services.Get<EntityRouter>().GetFeed(cyd.Id).Read().Messages.Single().FromEntity);
    }

    [Fact]
    public async Task RouteAsync_SplitPostEchoes_AllAttributedToTheSender()
    {
        var ada = await _world.EntityAsync("Ada");
        var paragraph = new string('y', 1800);
        await _world.Discord(ada.Id).SendMessageAsync(_world.Demo.General.Id, paragraph + "\n\n" + paragraph, cancellationToken: Token);

        var routed = await _world.Gateway.DrainAsync();

        Assert.Equal(2, routed.Count);
        Assert.All(routed, r => Assert.Equal(ada.Id, r.Author));
    }

    [Fact]
    public async Task RouteAsync_ReplyToMessageKnownOnlyToTheStore_AddressesItsEntity()
    {
        var ada = await _world.EntityAsync("Ada");
        var old = _world.State.PostUserMessage(_world.Demo.General.Id, _world.Demo.Alice.Id, "an old message, from before a restart");
        await _world.Gateway.DrainAsync();
        await _world.Services.SentMessages.RecordAsync(new SentMessage(old.Id, ada.Id, _world.GuildId, _world.Demo.General.Id, DateTimeOffset.UtcNow), Token);

        _world.State.PostUserMessage(_world.Demo.General.Id, _world.Demo.Bob.Id, "I disagree", replyTo: old.Id);
        await _world.Gateway.DrainAsync();

        var mention = _world.Services.Get<EntityRouter>().GetFeed(ada.Id).Read(mentionsOnly: true).Messages.Single();
        Assert.Equal(FeedMentionKind.Reply, mention.Mention);
        Assert.Equal(old.Id, mention.Message.ReferencedMessageId);
    }

    [Fact]
    public async Task RouteAsync_ReplyToEntityDm_ReachesThatEntityEvenWhenAnotherIsActive()
    {
        var ada = await _world.EntityAsync("Ada");
        var cyd = await _world.EntityAsync("Cyd");
        await _world.Services.DmRoutes.SetActiveEntityAsync(_world.Demo.Alice.Id, cyd.Id, Token);
        var dm = (await _world.Discord(ada.Id).SendDirectMessageAsync(_world.Demo.Alice.Id, "Tell me a secret.", Token)).Single();
        var echo = Assert.Single(await _world.Gateway.DrainAsync());

        _world.State.PostUserMessage(dm.ChannelId, _world.Demo.Alice.Id, "Here it is.", replyTo: dm.Id);
        var routed = Assert.Single(await _world.Gateway.DrainAsync());

        Assert.Empty(echo.Delivered);
        Assert.Equal([ada.Id], routed.Delivered);
        var received = _world.Services.Get<EntityRouter>().GetDirectMessages(ada.Id).Read().Messages.Single();
        Assert.Equal(FeedMentionKind.Direct, received.Mention);
        Assert.Null(received.Message.GuildId);
        Assert.Equal("Here it is.", received.Message.Content);
        Assert.Equal(0, _world.Services.Get<EntityRouter>().GetDirectMessages(cyd.Id).Count);
    }

    [Fact]
    public async Task RouteAsync_DmWithoutReply_GoesToTheUsersActiveEntityOrNowhere()
    {
        var ada = await _world.EntityAsync("Ada");
        var cyd = await _world.EntityAsync("Cyd");
        await _world.Services.DmRoutes.SetActiveEntityAsync(_world.Demo.Alice.Id, cyd.Id, Token);

        _world.State.SendDirectMessage(_world.Demo.Alice.Id, "Hi Cyd!");
        _world.State.SendDirectMessage(_world.Demo.Bob.Id, "Hi anyone?");
        var routed = await _world.Gateway.DrainAsync();

        Assert.Equal([cyd.Id], routed[0].Delivered);
        Assert.Empty(routed[1].Delivered);
        Assert.Equal("Hi Cyd!", _world.Services.Get<EntityRouter>().GetDirectMessages(cyd.Id).Read().Messages.Single().Message.Content);
        Assert.Equal(0, _world.Services.Get<EntityRouter>().GetDirectMessages(ada.Id).Count);
    }

    [Fact]
    public async Task RouteAsync_SystemMessage_NotRouted()
    {
        await _world.EntityAsync("Ada");
        var join = new Message { Id = 5, ChannelId = _world.Demo.General.Id, GuildId = _world.GuildId, Type = MessageType.UserJoin, Author = new User { Id = _world.Demo.Alice.Id, Username = "alice" } };

        Assert.Same(RouteResult.NotRouted, await Router.RouteAsync(join, Token));
    }

    [Fact]
    public async Task RouteAsync_ChannelThatCannotBeLookedUp_DeliveredToNobody()
    {
        await _world.EntityAsync("Ada");
        var ghost = new Message { Id = 6, ChannelId = 424_242_424_242_424_242, GuildId = _world.GuildId, Content = "boo", Author = new User { Id = _world.Demo.Alice.Id, Username = "alice" } };

        Assert.Same(RouteResult.NotRouted, await Router.RouteAsync(ghost, Token));
    }
}
