using MCPilot.Discord.Models;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Tests.DiscordTools;

namespace MCPilot.Tests.Routing;

/// <summary>Routing FakeDiscord's MESSAGE_CREATE dispatches (the Gateway's JSON) through DiscordMessageRouter.</summary>
public sealed class DiscordMessageRouterTests : DiscordWorldTests
{
    private DiscordMessageRouter Router => World.Services.Get<DiscordMessageRouter>();

    [Fact]
    public async Task RouteAsync_HumanMessage_ReachesEntitiesCoveringTheChannelWithMentions()
    {
        var ada = await World.EntityAsync("Ada", DiscordTestWorld.Only(World.Demo.General.Id));
        var cyd = await World.EntityAsync("Cyd", DiscordTestWorld.Only(World.Demo.Random.Id));
        var posted = World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Alice.Id, "Hey Ada, <@&" + World.Demo.Moderators.Id + "> look");

        var routed = Assert.Single(await World.Gateway.DrainAsync());

        Assert.Equal([ada.Id], routed.Delivered);
        var item = World.Services.Get<EntityRouter>().GetFeed(ada.Id).Read().Messages.Single();
        Assert.Equal(posted.Id, item.Message.MessageId);
        Assert.Equal(World.GuildId, item.Message.GuildId);
        Assert.Equal("Alice", item.Message.AuthorName);
        Assert.Equal(FeedMentionKind.Name, item.Mention);
        Assert.Equal([World.Demo.Moderators.Id], item.Message.MentionedRoleIds);
        Assert.Equal(0, World.Services.Get<EntityRouter>().GetFeed(cyd.Id).Count);
    }

    [Fact]
    public async Task RouteAsync_ThreadMessage_ParentChannelPolicyDecides()
    {
        var inGeneral = await World.EntityAsync("Ada", DiscordTestWorld.Only(World.Demo.General.Id));
        await World.EntityAsync("Cyd", DiscordTestWorld.Only(World.Demo.Random.Id));
        World.State.PostUserMessage(World.Demo.Thread.Id, World.Demo.Bob.Id, "thread talk");

        var routed = Assert.Single(await World.Gateway.DrainAsync());

        Assert.Equal([inGeneral.Id], routed.Delivered);
        var message = World.Services.Get<EntityRouter>().GetFeed(inGeneral.Id).Read().Messages.Single().Message;
        Assert.Equal(World.Demo.Thread.Id, message.ChannelId);
        Assert.Equal(World.Demo.General.Id, message.ParentChannelId);
    }

    [Fact]
    public async Task RouteAsync_EntityPostEcho_NeverBackToItsSenderButOthersSeeIt()
    {
        var ada = await World.EntityAsync("Ada");
        var cyd = await World.EntityAsync("Cyd");
        await World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, "Hello from Ada", cancellationToken: Token);

        var routed = Assert.Single(await World.Gateway.DrainAsync());

        Assert.Equal(ada.Id, routed.Author);
        Assert.Equal([cyd.Id], routed.Delivered);
        Assert.Equal(0, World.Services.Get<EntityRouter>().GetFeed(ada.Id).Count);
        Assert.Equal(ada.Id, World.Services.Get<EntityRouter>().GetFeed(cyd.Id).Read().Messages.Single().FromEntity);
    }

    [Fact]
    public async Task RouteAsync_SplitPostEchoes_AllAttributedToTheSender()
    {
        var ada = await World.EntityAsync("Ada");
        var paragraph = new string('y', 1800);
        await World.Discord(ada.Id).SendMessageAsync(World.Demo.General.Id, paragraph + "\n\n" + paragraph, cancellationToken: Token);

        var routed = await World.Gateway.DrainAsync();

        Assert.Equal(2, routed.Count);
        Assert.All(routed, r => Assert.Equal(ada.Id, r.Author));
    }

    [Fact]
    public async Task RouteAsync_ReplyToMessageKnownOnlyToTheStore_AddressesItsEntity()
    {
        var ada = await World.EntityAsync("Ada");
        var old = World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Alice.Id, "an old message, from before a restart");
        await World.Gateway.DrainAsync();
        await World.Services.SentMessages.RecordAsync(new SentMessage(old.Id, ada.Id, World.GuildId, World.Demo.General.Id, DateTimeOffset.UtcNow), Token);

        World.State.PostUserMessage(World.Demo.General.Id, World.Demo.Bob.Id, "I disagree", replyTo: old.Id);
        await World.Gateway.DrainAsync();

        var mention = World.Services.Get<EntityRouter>().GetFeed(ada.Id).Read(mentionsOnly: true).Messages.Single();
        Assert.Equal(FeedMentionKind.Reply, mention.Mention);
        Assert.Equal(old.Id, mention.Message.ReferencedMessageId);
    }

    [Fact]
    public async Task RouteAsync_ReplyToEntityDm_ReachesThatEntityEvenWhenAnotherIsActive()
    {
        var ada = await World.EntityAsync("Ada");
        var cyd = await World.EntityAsync("Cyd");
        await World.Services.DmRoutes.SetActiveEntityAsync(World.Demo.Alice.Id, cyd.Id, Token);
        var dm = (await World.Discord(ada.Id).SendDirectMessageAsync(World.Demo.Alice.Id, "Tell me a secret.", Token)).Single();
        var echo = Assert.Single(await World.Gateway.DrainAsync());

        World.State.PostUserMessage(dm.ChannelId, World.Demo.Alice.Id, "Here it is.", replyTo: dm.Id);
        var routed = Assert.Single(await World.Gateway.DrainAsync());

        Assert.Empty(echo.Delivered);
        Assert.Equal([ada.Id], routed.Delivered);
        var received = World.Services.Get<EntityRouter>().GetDirectMessages(ada.Id).Read().Messages.Single();
        Assert.Equal(FeedMentionKind.Direct, received.Mention);
        Assert.Null(received.Message.GuildId);
        Assert.Equal("Here it is.", received.Message.Content);
        Assert.Equal(0, World.Services.Get<EntityRouter>().GetDirectMessages(cyd.Id).Count);
    }

    [Fact]
    public async Task RouteAsync_DmWithoutReply_GoesToTheUsersActiveEntityOrNowhere()
    {
        var ada = await World.EntityAsync("Ada");
        var cyd = await World.EntityAsync("Cyd");
        await World.Services.DmRoutes.SetActiveEntityAsync(World.Demo.Alice.Id, cyd.Id, Token);

        World.State.SendDirectMessage(World.Demo.Alice.Id, "Hi Cyd!");
        World.State.SendDirectMessage(World.Demo.Bob.Id, "Hi anyone?");
        var routed = await World.Gateway.DrainAsync();

        Assert.Equal([cyd.Id], routed[0].Delivered);
        Assert.Empty(routed[1].Delivered);
        Assert.Equal("Hi Cyd!", World.Services.Get<EntityRouter>().GetDirectMessages(cyd.Id).Read().Messages.Single().Message.Content);
        Assert.Equal(0, World.Services.Get<EntityRouter>().GetDirectMessages(ada.Id).Count);
    }

    [Fact]
    public async Task RouteAsync_SystemMessage_NotRouted()
    {
        await World.EntityAsync("Ada");
        var join = new Message { Id = 5, ChannelId = World.Demo.General.Id, GuildId = World.GuildId, Type = MessageType.UserJoin, Author = new User { Id = World.Demo.Alice.Id, Username = "alice" } };

        Assert.Same(RouteResult.NotRouted, await Router.RouteAsync(join, cancellationToken: Token));
    }

    [Fact]
    public async Task RouteAsync_ChannelThatCannotBeLookedUp_DeliveredToNobody()
    {
        await World.EntityAsync("Ada");
        var ghost = new Message { Id = 6, ChannelId = 424_242_424_242_424_242, GuildId = World.GuildId, Content = "boo", Author = new User { Id = World.Demo.Alice.Id, Username = "alice" } };

        Assert.Same(RouteResult.NotRouted, await Router.RouteAsync(ghost, cancellationToken: Token));
    }
}
