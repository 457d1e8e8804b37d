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
        await services.Get<FeedRestorer>().RestoreAsync(Ct);
        await router.RouteAsync(Message(channel: 10, id: 1, content: "hello Ada"));
        await router.RouteAsync(Message(channel: 10, id: 2));

        Assert.Equal(1, await writer.WriteChangesAsync(Ct));
        Assert.Equal(0, await writer.WriteChangesAsync(Ct));
        router.GetFeed(ada.Id).Read(limit: 1);
        Assert.Equal(1, await writer.WriteChangesAsync(Ct));
        var stored = Assert.Single(await services.Get<IEntityFeedStore>().LoadAsync(EntityFeedOptions.DefaultNode, 100, Ct));

        Assert.Equal((ada.Id, FeedKind.Channels), (stored.EntityId, stored.Kind));
        Assert.Equal([1ul, 2ul], stored.Messages.Select(m => m.Message.MessageId));
        Assert.Equal(FeedMentionKind.Name, stored.Messages[0].Mention);
        Assert.Equal((2L, 1L, 1L), (stored.LastSequence, stored.ReadCursor, stored.MentionCursor));
    }

    [Fact]
    public async Task Route_PersistOff_NothingReachesTheFeedStore()
    {
        await using var services = new TestServices();
        await services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        await services.Get<EntityRouter>().RouteAsync(Message(channel: 10));
        var off = NewWriter(persist: false);

        Assert.Equal(0, await services.Get<FeedWriter>().WriteChangesAsync(Ct));
        Assert.Empty(await services.Get<IEntityFeedStore>().LoadAsync(EntityFeedOptions.DefaultNode, 100, Ct));
        Assert.True(off.Ready.IsCompleted);
        Assert.Equal(0, await NewRestorer(services.Get<EntityRouter>(), off).RestoreAsync(Ct));
        Assert.Equal(0, _store.Calls);
    }

    [Fact]
    public async Task Route_BeforeStoredFeedsAreBack_WaitsAndLandsAfterThem()
    {
        await using var services = new TestServices(o => o.Feeds.Persist = true);
        var ada = await services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var earlier = new EntityFeed(ada.Id, 10, _time);
        earlier.Add(Message(channel: 10, id: 1) with { Timestamp = services.Time.GetUtcNow() }, FeedMentionKind.None, null);
        earlier.Add(Message(channel: 10, id: 2) with { Timestamp = services.Time.GetUtcNow() }, FeedMentionKind.None, null);
        await services.Get<IEntityFeedStore>().SaveAsync(EntityFeedOptions.DefaultNode, [earlier.Snapshot(afterSequence: 0)], Ct);
        var router = services.Get<EntityRouter>();

        var routing = router.RouteAsync(Message(channel: 10, id: 3), Ct).AsTask();
        await Task.Delay(50, Ct);
        Assert.False(routing.IsCompleted);
        await services.Get<FeedRestorer>().RestoreAsync(Ct);
        await routing.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal([(1L, 1ul), (2L, 2ul), (3L, 3ul)], router.GetFeed(ada.Id).Read().Messages.Select(m => (m.Sequence, m.Message.MessageId)));
    }

    [Fact]
    public async Task WriteChanges_EntityDeleted_ItsFeedIsNotWrittenAndNothingFails()
    {
        await using var services = new TestServices(o => o.Feeds.Persist = true);
        var ada = await services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var bob = await services.CreateEntityAsync("Bob", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        await services.Get<FeedRestorer>().RestoreAsync(Ct);
        await services.Get<EntityRouter>().RouteAsync(Message(channel: 10));

        Assert.True(await services.Registry.DeleteAsync(ada.Id));
        await services.Get<FeedWriter>().WriteChangesAsync(Ct);

        Assert.Equal([bob.Id], (await services.Get<IEntityFeedStore>().LoadAsync(EntityFeedOptions.DefaultNode, 100, Ct)).Select(f => f.EntityId));
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
        Assert.Equal(["shard-a"], _store.SavedNodes);
    }

    [Fact]
    public async Task Background_Change_IsWrittenWithoutBeingAsked()
    {
        await _writer.StartAsync(Ct);
        var feed = NewFeed();

        feed.Add(Message(channel: 10, id: 1), FeedMentionKind.None, null);

        await Eventually(() => _store.Saved.Any(s => s.Messages.Any(m => m.Message.MessageId == 1)));
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
    }

    [Fact]
    public async Task Stopped_WritesChangesMadeWhileOtherServicesWereStopping()
    {
        await _writer.StartAsync(Ct);
        await _writer.StopAsync(Ct);
        NewFeed().Add(Message(channel: 10, id: 1), FeedMentionKind.None, null);

        await _writer.StoppedAsync(Ct);

        Assert.Equal([1ul], Assert.Single(_store.Saved).Messages.Select(m => m.Message.MessageId));
    }

    [Fact]
    public async Task Restore_StoredFeeds_FillTheRoutersFeedsPruneFirstAndLaterWritesCarryOnlyNewMessages()
    {
        await using var services = new TestServices();
        var ada = await services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var source = new EntityFeed(ada.Id, 10, _time, FeedKind.DirectMessages);
        source.Add(Message(channel: 5, id: 1), FeedMentionKind.Direct, null);
        source.Add(Message(channel: 5, id: 2), FeedMentionKind.Direct, null);
        _store.Stored = [source.Snapshot(afterSequence: 0)];
        var router = services.Get<EntityRouter>();
        Assert.False(_writer.Ready.IsCompleted);

        Assert.Equal(1, await NewRestorer(router, _writer).RestoreAsync(Ct));
        Assert.True(_writer.Ready.IsCompleted);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromDays(2), Assert.Single(_store.Prunes));
        var restored = router.DirectFeed(ada.Id);
        Assert.Equal(2, restored.UnreadCount);
        restored.Add(Message(channel: 5, id: 3), FeedMentionKind.Direct, null);
        _writer.Changed(restored); // the router's own writer has persistence off: report the change by hand
        await _writer.WriteChangesAsync(Ct);

        Assert.Equal([3L], Assert.Single(_store.Saved).Messages.Select(m => m.Sequence));
    }

    [Fact]
    public async Task Restorer_StoreUnreachable_RetriesAndRoutingWaitsUntilItIsBack()
    {
        await using var services = new TestServices();
        _store.Fail = true;
        var restorer = NewRestorer(services.Get<EntityRouter>(), _writer);
        await restorer.StartAsync(Ct);
        await Eventually(() => _store.Calls >= 1);
        Assert.False(_writer.Ready.IsCompleted);

        _store.Fail = false;
        await Eventually(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            return _writer.Ready.IsCompleted;
        });
        await restorer.StopAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
    }

    private static EntityOptions Persisting(bool persist) =>
        new() { Feeds = new EntityFeedOptions { Persist = persist, Node = "shard-a", Retention = TimeSpan.FromDays(2) } };

    private FeedWriter NewWriter(bool persist) =>
        new(_store, Options.Create(Persisting(persist)), _time, NullLogger<FeedWriter>.Instance);

    private FeedRestorer NewRestorer(EntityRouter router, FeedWriter writer) =>
        new(router, writer, _store, Options.Create(Persisting(writer.Enabled)), _time, NullLogger<FeedRestorer>.Instance);

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
