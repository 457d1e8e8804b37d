using MCPilot.Routing;
using MCPilot.Testing;
using static MCPilot.Tests.Entities.EntityRegistryTests;

namespace MCPilot.Tests.Routing;

public sealed class EntityFeedTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Add_BeyondCapacity_DropsOldestAndCounts()
    {
        var feed = new EntityFeed(EntityId.New(), capacity: 3, _time);

        for (ulong i = 1; i <= 5; i++)
        {
            feed.Add(Message(channel: 1, id: i), FeedMentionKind.None, null);
        }

        var page = feed.Read();
        Assert.Equal([3ul, 4ul, 5ul], page.Messages.Select(m => m.Message.MessageId));
        Assert.Equal(2, page.Dropped);
        Assert.Equal(2, feed.Dropped);
        Assert.Equal(5, page.LastSequence);
    }

    [Fact]
    public void Read_SinceLastRead_ReturnsOnlyNewMessages()
    {
        var feed = new EntityFeed(EntityId.New(), 10, _time);
        feed.Add(Message(channel: 1, id: 1), FeedMentionKind.None, null);
        Assert.Single(feed.Read().Messages);

        feed.Add(Message(channel: 1, id: 2), FeedMentionKind.None, null);

        Assert.Equal([2ul], feed.Read().Messages.Select(m => m.Message.MessageId));
        Assert.Empty(feed.Read().Messages);
        Assert.Equal(2, feed.Read(afterSequence: 0).Messages.Count);
    }

    [Fact]
    public void Read_Limit_CursorStopsAtLastReturned()
    {
        var feed = new EntityFeed(EntityId.New(), 10, _time);
        for (ulong i = 1; i <= 4; i++)
        {
            feed.Add(Message(channel: 1, id: i), FeedMentionKind.None, null);
        }

        Assert.Equal([1ul, 2ul], feed.Read(limit: 2).Messages.Select(m => m.Message.MessageId));
        Assert.Equal(2, feed.UnreadCount);
        Assert.Equal([3ul, 4ul], feed.Read().Messages.Select(m => m.Message.MessageId));
    }

    [Fact]
    public void Read_MentionsOnly_LeavesOtherMessagesUnread()
    {
        var feed = new EntityFeed(EntityId.New(), 10, _time);
        feed.Add(Message(channel: 1, id: 1), FeedMentionKind.None, null);
        feed.Add(Message(channel: 1, id: 2), FeedMentionKind.Name, null);
        feed.Add(Message(channel: 1, id: 3), FeedMentionKind.None, null);

        Assert.Equal([2ul], feed.Read(mentionsOnly: true).Messages.Select(m => m.Message.MessageId));

        Assert.Equal(0, feed.UnreadMentionCount);
        Assert.Equal(3, feed.UnreadCount);
        Assert.Empty(feed.Read(mentionsOnly: true).Messages);
        Assert.Equal([1ul, 2ul, 3ul], feed.Read().Messages.Select(m => m.Message.MessageId));
    }

    [Fact]
    public void Read_Everything_AlsoMarksTheMentionsAmongItRead()
    {
        var feed = new EntityFeed(EntityId.New(), 10, _time);
        feed.Add(Message(channel: 1, id: 1), FeedMentionKind.Reply, null);
        Assert.Equal(1, feed.UnreadMentionCount);

        Assert.Single(feed.Read().Messages);

        Assert.Equal(0, feed.UnreadMentionCount);
        Assert.Empty(feed.Read(mentionsOnly: true).Messages);
    }

    [Fact]
    public async Task WaitAsync_MessageArrives_ReturnsTrue()
    {
        var feed = new EntityFeed(EntityId.New(), 10, _time);
        var waiting = feed.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken: TestContext.Current.CancellationToken).AsTask();
        Assert.False(waiting.IsCompleted);

        feed.Add(Message(channel: 1), FeedMentionKind.None, null);

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WaitAsync_MentionsOnly_IgnoresOtherMessagesUntilTimeout()
    {
        var feed = new EntityFeed(EntityId.New(), 10, _time);
        var waiting = feed.WaitAsync(TimeSpan.FromSeconds(30), mentionsOnly: true, TestContext.Current.CancellationToken).AsTask();
        feed.Add(Message(channel: 1), FeedMentionKind.None, null);
        await Task.Yield();
        Assert.False(waiting.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Snapshot_AfterWrittenSequence_CarriesOnlyNewerMessagesAndTheCursors()
    {
        var feed = new EntityFeed(EntityId.New(), 3, _time, FeedKind.DirectMessages);
        for (ulong i = 1; i <= 4; i++)
        {
            feed.Add(Message(channel: 1, id: i), FeedMentionKind.Direct, null);
        }

        feed.Read(limit: 2);
        var snapshot = feed.Snapshot(afterSequence: 2);

        Assert.Equal(FeedKind.DirectMessages, snapshot.Kind);
        Assert.Equal((3, 4L, 3L, 3L, 1L), (snapshot.Capacity, snapshot.LastSequence, snapshot.ReadCursor, snapshot.MentionCursor, snapshot.Dropped));
        Assert.Equal([3L, 4L], snapshot.Messages.Select(m => m.Sequence));
    }

    [Fact]
    public void Restore_StoredFeed_ContinuesItsSequenceCursorsAndDroppedCount()
    {
        var source = new EntityFeed(EntityId.New(), 10, _time);
        for (ulong i = 1; i <= 3; i++)
        {
            source.Add(Message(channel: 1, id: i), i == 3 ? FeedMentionKind.Name : FeedMentionKind.None, null);
        }

        source.Read(limit: 1);
        var stored = source.Snapshot(afterSequence: 0) with { Dropped = 4 };
        var restored = new EntityFeed(source.EntityId, 10, _time);

        Assert.True(restored.Restore(stored));
        var added = restored.Add(Message(channel: 1, id: 4), FeedMentionKind.None, null);

        Assert.Equal(4, added.Sequence);
        Assert.Equal(1, restored.UnreadMentionCount);
        Assert.Equal([2ul, 3ul, 4ul], restored.Read().Messages.Select(m => m.Message.MessageId));
        Assert.Equal(4, restored.Dropped);
    }

    [Fact]
    public void Restore_MoreMessagesThanCapacity_KeepsTheNewest()
    {
        var source = new EntityFeed(EntityId.New(), 10, _time);
        for (ulong i = 1; i <= 5; i++)
        {
            source.Add(Message(channel: 1, id: i), FeedMentionKind.None, null);
        }

        var restored = new EntityFeed(source.EntityId, 2, _time);

        Assert.True(restored.Restore(source.Snapshot(afterSequence: 0)));
        Assert.Equal([4ul, 5ul], restored.Read().Messages.Select(m => m.Message.MessageId));
    }

    [Fact]
    public void Restore_FeedAlreadyHoldingMessages_LeavesItAsItIs()
    {
        var stored = new EntityFeed(EntityId.New(), 10, _time);
        stored.Add(Message(channel: 1, id: 1), FeedMentionKind.None, null);
        var live = new EntityFeed(stored.EntityId, 10, _time);
        live.Add(Message(channel: 1, id: 99), FeedMentionKind.None, null);

        Assert.False(live.Restore(stored.Snapshot(afterSequence: 0)));
        Assert.Equal([99ul], live.Read().Messages.Select(m => m.Message.MessageId));
    }
}
