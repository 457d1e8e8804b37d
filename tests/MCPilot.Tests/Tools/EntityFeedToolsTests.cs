using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Tests.Fakes;
using MCPilot.Tools;
using static MCPilot.Tests.Entities.EntityRegistryTests;

namespace MCPilot.Tests.Tools;

public sealed class EntityFeedToolsTests : IAsyncDisposable
{
    private readonly TestServices _services = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EntityRouter Router => _services.Get<EntityRouter>();

    [Fact]
    public async Task WaitForMessages_MessageWaiting_ReturnsAtOnceAndMarksItRead()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        await Router.RouteAsync(Message(channel: 10, id: 5, content: "hello Ada"), Token);

        var text = await _services.Tool<EntityFeedTools>(ada.Id).WaitForMessages(cancellationToken: Token);
        var again = await _services.Tool<EntityFeedTools>(ada.Id).WaitForMessages(timeout_seconds: 0, cancellationToken: Token);

        Assert.Contains("New messages in your channels, oldest first:", text, StringComparison.Ordinal);
        Assert.Contains("[5] ", text, StringComparison.Ordinal);
        Assert.Contains("someone (user 900) in channel 10 — names you: hello Ada", text, StringComparison.Ordinal);
        Assert.Equal("No new messages.", again);
    }

    [Fact]
    public async Task WaitForMessages_NothingYet_WaitsForTheNextMessage()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));

        var waiting = _services.Tool<EntityFeedTools>(ada.Id).WaitForMessages(timeout_seconds: 60, cancellationToken: Token);
        Assert.False(waiting.IsCompleted);
        await Router.RouteAsync(Message(channel: 10, id: 6, content: "anyone?"), Token);

        Assert.Contains("[6] ", await waiting.WaitAsync(TimeSpan.FromSeconds(10), Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForMessages_DirectMessageArrives_ReturnsItUnderItsOwnHeading()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        await _services.DmRoutes.SetActiveEntityAsync(900, ada.Id, Token);

        var waiting = _services.Tool<EntityFeedTools>(ada.Id).WaitForMessages(timeout_seconds: 60, cancellationToken: Token);
        await Router.RouteAsync(Message(channel: 77, id: 7, content: "just for you") with { GuildId = null }, Token);

        var text = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Contains("No new channel messages.", text, StringComparison.Ordinal);
        Assert.Contains("New direct messages (answer with send_dm):", text, StringComparison.Ordinal);
        Assert.Contains("someone (user 900): just for you", text, StringComparison.Ordinal);
        Assert.Equal(0, _services.Get<EntityServerFactory>().CreateContext(ada.Id).DirectMessages.UnreadCount);
    }

    [Fact]
    public async Task WaitForMessages_Timeout_SaysSoAndHowToGoOn()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));

        var waiting = _services.Tool<EntityFeedTools>(ada.Id).WaitForMessages(timeout_seconds: 20, cancellationToken: Token);
        await Task.Yield();
        _services.Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal("No new messages in 20 s. Call wait_for_messages again to keep listening.", await waiting.WaitAsync(TimeSpan.FromSeconds(10), Token));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(301)]
    public async Task WaitForMessages_TimeoutOutOfRange_ErrorGivesTheRange(int seconds)
    {
        var ada = await _services.CreateEntityAsync("Ada");

        var error = await Assert.ThrowsAsync<EntityToolException>(() => _services.Tool<EntityFeedTools>(ada.Id).WaitForMessages(timeout_seconds: seconds, cancellationToken: Token));

        Assert.Equal($"'timeout_seconds' must be from 0 to 300 (got {seconds}).", error.Message);
    }

    [Fact]
    public async Task GetMentions_OnlyMentionsAndOtherMessagesStayUnread()
    {
        var ada = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        await Router.RouteAsync(Message(channel: 10, id: 1, content: "weather talk"), Token);
        await Router.RouteAsync(Message(channel: 10, id: 2, content: "ada, thoughts?"), Token);

        var mentions = _services.Tool<EntityFeedTools>(ada.Id).GetMentions();
        var rest = await _services.Tool<EntityFeedTools>(ada.Id).WaitForMessages(timeout_seconds: 0, cancellationToken: Token);

        Assert.Contains("[2] ", mentions, StringComparison.Ordinal);
        Assert.DoesNotContain("[1] ", mentions, StringComparison.Ordinal);
        Assert.Contains("[1] ", rest, StringComparison.Ordinal);
        Assert.Equal("No unread mentions.\n", _services.Tool<EntityFeedTools>(ada.Id).GetMentions().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ReadDms_UnreadThenIncludingRead()
    {
        var ada = await _services.CreateEntityAsync("Ada");
        await _services.DmRoutes.SetActiveEntityAsync(900, ada.Id, Token);
        await Router.RouteAsync(Message(channel: 77, id: 8, content: "hi") with { GuildId = null }, Token);

        var unread = _services.Tool<EntityFeedTools>(ada.Id).ReadDms();
        var none = _services.Tool<EntityFeedTools>(ada.Id).ReadDms();
        var all = _services.Tool<EntityFeedTools>(ada.Id).ReadDms(include_read: true);

        Assert.Contains("[8] ", unread, StringComparison.Ordinal);
        Assert.StartsWith("No unread direct messages.", none, StringComparison.Ordinal);
        Assert.Contains("[8] ", all, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
