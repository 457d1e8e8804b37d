using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Testing;
using MCPilot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static MCPilot.Tests.Entities.EntityRegistryTests;

namespace MCPilot.Tests.Routing;

public sealed class FeedWriterTests : IAsyncDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingFeedStore _store = new();
    private readonly FeedWriter _writer;

    public FeedWriterTests() => _writer = NewWriter(persist: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteChanges_PersistOn_WritesRoutedMessagesThenOnlyWhatChanged()
    {
        await using var services = new TestServices(o => o.Feeds.Persist = true);
        var ada = await services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var router = services.Get<EntityRouter>();
        var writer = services.Get<FeedWriter>();
        var store = services.Get<IEntityFeedStore>();
        await router.RouteAsync(Message(channel: 10, id: 1, content: "hello Ada"));
        await router.RouteAsync(Message(channel: 10, id: 2));

        Assert.Equal(1, await writer.WriteChangesAsync(Ct));
        Assert.Equal(0, await writer.WriteChangesAsync(Ct));
        router.GetFeed(ada.Id).Read(limit: 1);
        Assert.Equal(1, await writer.WriteChangesAsync(Ct));
        var stored = Assert.Single(await store.LoadAsync(100, Ct));

        Assert.Equal((ada.Id, FeedKind.Channels), (stored.EntityId, stored.Kind));
        Assert.Equal([1ul, 2ul], stored.Messages.Select(m => m.Message.MessageId));
        Assert.Equal(FeedMentionKind.Name, stored.Messages[0].Mention);
        Assert.Equal((2L, 1L, 1L), (stored.LastSequence, stored.ReadCursor, stored.MentionCursor));
    }

    [Fact]
    public async Task Router_PersistOff_NothingReachesTheFeedStore()
    {
        await using var services = new TestServices();
        await services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        await services.Get<EntityRouter>().RouteAsync(Message(channel: 10));
        var off = NewWriter(persist: false);

        Assert.Equal(0, await services.Get<FeedWriter>().WriteChangesAsync(Ct));
        Assert.Empty(await services.Get<IEntityFeedStore>().LoadAsync(100, Ct));
        Assert.Equal(0, await off.RestoreAsync(services.Get<EntityRouter>(), 100, Ct));
        Assert.Equal(0, _store.Calls);
    }

    [Fact]
    public async Task WriteChanges_StoreFails_KeepsTheChangesAndWritesThemOnceItRecovers()
    {
        var feed = NewFeed();
        feed.Add(Message(channel: 10, id: 1), FeedMentionKind.None, null);
        _store.Fail = true;

        await Assert.ThrowsAsync<IOException>(() => _writer.WriteChangesAsync(Ct));
        feed.Add(Message(channel: 10, id: 2), FeedMentionKind.None, null);
        _store.Fail = false;
        Assert.Equal(1, await _writer.WriteChangesAsync(Ct));

        Assert.Equal([1L, 2L], Assert.Single(_store.Saved).Messages.Select(m => m.Sequence));
    }

    [Fact]
    public async Task Background_Change_IsWrittenWithoutBeingAsked()
    {
        await _writer.StartAsync(Ct);
        var feed = NewFeed();

        feed.Add(Message(channel: 10, id: 1), FeedMentionKind.None, null);

        await Eventually(() => _store.Saved.Any(s => s.Messages.Any(m => m.Message.MessageId == 1)));
        await _writer.StopAsync(Ct);
    }

    [Fact]
    public async Task Background_StoreFails_RetriesAfterBackoff()
    {
        _store.Fail = true;
        await _writer.StartAsync(Ct);
        NewFeed().Add(Message(channel: 10, id: 1), FeedMentionKind.None, null);
        await Eventually(() => _store.Calls >= 1);

        _store.Fail = false;

        // The retry waits 250 ms on the manual clock; advance it until the writer has retried.
        await Eventually(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            return _store.Saved.Count == 1;
        });
        await _writer.StopAsync(Ct);
    }

    [Fact]
    public async Task Stop_WritesTheChangesNotWrittenYet()
    {
        var feed = NewFeed();
        feed.Add(Message(channel: 10, id: 1), FeedMentionKind.None, null);

        await _writer.StopAsync(Ct);

        Assert.Equal([1ul], Assert.Single(_store.Saved).Messages.Select(m => m.Message.MessageId));
    }

    [Fact]
    public async Task Restore_StoredFeeds_FillTheRoutersFeedsAndLaterWritesCarryOnlyNewMessages()
    {
        await using var services = new TestServices();
        var ada = await services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var source = new EntityFeed(ada.Id, 10, _time, FeedKind.DirectMessages);
        source.Add(Message(channel: 5, id: 1, guild: 0), FeedMentionKind.Direct, null);
        source.Add(Message(channel: 5, id: 2, guild: 0), FeedMentionKind.Direct, null);
        _store.Stored = [source.Snapshot(afterSequence: 0)];
        var router = services.Get<EntityRouter>();

        Assert.Equal(1, await _writer.RestoreAsync(router, 10, Ct));
        var restored = router.DirectFeed(ada.Id);
        Assert.Equal(2, restored.UnreadCount);
        restored.Add(Message(channel: 5, id: 3, guild: 0), FeedMentionKind.Direct, null);
        _writer.Changed(restored); // the router's own writer has persistence off: report the change by hand
        await _writer.WriteChangesAsync(Ct);

        Assert.Equal([3L], Assert.Single(_store.Saved).Messages.Select(m => m.Sequence));
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
    }

    private FeedWriter NewWriter(bool persist) =>
        new(_store, Options.Create(new EntityOptions { Feeds = new EntityFeedOptions { Persist = persist } }), _time, NullLogger<FeedWriter>.Instance);

    private EntityFeed NewFeed() => new(EntityId.New(), 10, _time, FeedKind.Channels, _writer.Changed);

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(condition());
    }
}
