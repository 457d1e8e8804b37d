using MCPilot.Routing;

namespace MCPilot.Storage.EfCore.Tests.Contract;

public abstract partial class StoreContractTests
{
    protected const string Node = "node-a";

    protected IEntityFeedStore Feeds => Get<IEntityFeedStore>();

    protected static FeedMessage FeedItem(long sequence, ulong? guildId = 1, FeedMentionKind mention = FeedMentionKind.None, EntityId? from = null, DateTimeOffset? at = null) =>
        new(sequence, new InboundMessage
        {
            GuildId = guildId,
            ChannelId = Snowflake(),
            ParentChannelId = guildId is null ? null : Snowflake(),
            MessageId = Snowflake(),
            AuthorId = Snowflake(),
            AuthorName = "Grace ☕",
            AuthorIsBot = from is not null,
            WebhookId = from is null ? null : Snowflake(),
            Content = "message " + sequence + " — \"quoted\"\n",
            MentionedUserIds = [Snowflake(), Snowflake()],
            MentionedRoleIds = [Snowflake()],
            ReferencedMessageId = sequence % 2 == 0 ? Snowflake() : null,
            Timestamp = at ?? T0.AddSeconds(sequence),
        }, mention, from);

    protected static FeedSnapshot Snapshot(EntityId id, FeedKind kind, int capacity, long last, IEnumerable<FeedMessage> messages, long read = 0, long mention = 0, long dropped = 0) => new()
    {
        EntityId = id,
        Kind = kind,
        Capacity = capacity,
        LastSequence = last,
        ReadCursor = read,
        MentionCursor = mention,
        Dropped = dropped,
        Messages = [.. messages],
    };

    private async Task<FeedSnapshot?> LoadFeedAsync(EntityId id, FeedKind kind, int capacity = 100, string node = Node) =>
        (await Feeds.LoadAsync(node, capacity, Ct)).SingleOrDefault(f => f.EntityId == id && f.Kind == kind);

    [Fact]
    public async Task FeedSaveAndLoad_KeepsEveryFieldOfBothFeeds()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var other = EntityId.New();
        var channel = new[] { FeedItem(1), FeedItem(2, mention: FeedMentionKind.Name | FeedMentionKind.Reply, from: other), FeedItem(3, mention: FeedMentionKind.Role) };
        var direct = new[] { FeedItem(1, guildId: null, mention: FeedMentionKind.Direct) };

        await Feeds.SaveAsync(Node, [
            Snapshot(entity.Id, FeedKind.Channels, 10, 3, channel, read: 2, mention: 1, dropped: 7),
            Snapshot(entity.Id, FeedKind.DirectMessages, 10, 1, direct),
        ], Ct);
        var loaded = await LoadFeedAsync(entity.Id, FeedKind.Channels);
        var loadedDirect = await LoadFeedAsync(entity.Id, FeedKind.DirectMessages);

        Assert.NotNull(loaded);
        Assert.Equal((3L, 2L, 1L, 7L), (loaded.LastSequence, loaded.ReadCursor, loaded.MentionCursor, loaded.Dropped));
        Assert.Equal(channel.Select(Describe), loaded.Messages.Select(Describe));
        Assert.NotNull(loadedDirect);
        Assert.Equal(direct.Select(Describe), loadedDirect.Messages.Select(Describe));
    }

    [Fact]
    public async Task FeedSave_Incremental_AppendsMovesCursorsAndRepeatsSafely()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var first = new[] { FeedItem(1), FeedItem(2) };
        var next = new[] { FeedItem(3) };

        await Feeds.SaveAsync(Node, [Snapshot(entity.Id, FeedKind.Channels, 10, 2, first)], Ct);
        await Feeds.SaveAsync(Node, [Snapshot(entity.Id, FeedKind.Channels, 10, 3, next)], Ct);
        await Feeds.SaveAsync(Node, [Snapshot(entity.Id, FeedKind.Channels, 10, 3, next)], Ct);
        await Feeds.SaveAsync(Node, [Snapshot(entity.Id, FeedKind.Channels, 10, 3, [], read: 3, mention: 3)], Ct);
        var loaded = await LoadFeedAsync(entity.Id, FeedKind.Channels);

        Assert.NotNull(loaded);
        Assert.Equal([1L, 2L, 3L], loaded.Messages.Select(m => m.Sequence));
        Assert.Equal(first.Concat(next).Select(Describe), loaded.Messages.Select(Describe));
        Assert.Equal((3L, 3L), (loaded.ReadCursor, loaded.MentionCursor));
    }

    [Fact]
    public async Task FeedSave_PastCapacity_KeepsOnlyTheNewest()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);

        await Feeds.SaveAsync(Node, [Snapshot(entity.Id, FeedKind.Channels, 3, 3, [FeedItem(1), FeedItem(2), FeedItem(3)])], Ct);
        await Feeds.SaveAsync(Node, [Snapshot(entity.Id, FeedKind.Channels, 3, 5, [FeedItem(4), FeedItem(5)], dropped: 2)], Ct);
        var loaded = await LoadFeedAsync(entity.Id, FeedKind.Channels);

        Assert.NotNull(loaded);
        Assert.Equal([3L, 4L, 5L], loaded.Messages.Select(m => m.Sequence));
        Assert.Equal(2, loaded.Dropped);
    }

    [Fact]
    public async Task FeedLoad_SmallerCapacity_ReturnsTheNewestAndDeletesTheRest()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        await Feeds.SaveAsync(Node, [Snapshot(entity.Id, FeedKind.Channels, 10, 5, Enumerable.Range(1, 5).Select(i => FeedItem(i)))], Ct);

        var smaller = await LoadFeedAsync(entity.Id, FeedKind.Channels, capacity: 2);
        var again = await LoadFeedAsync(entity.Id, FeedKind.Channels, capacity: 10);

        Assert.Equal([4L, 5L], smaller!.Messages.Select(m => m.Sequence));
        Assert.Equal([4L, 5L], again!.Messages.Select(m => m.Sequence));
        Assert.Equal(5, again.LastSequence);
    }

    [Fact]
    public async Task FeedSave_EntityMissing_SkipsItAndKeepsTheOthers()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var ghost = EntityId.New();

        await Feeds.SaveAsync(Node, [
            Snapshot(ghost, FeedKind.Channels, 10, 1, [FeedItem(1)]),
            Snapshot(entity.Id, FeedKind.Channels, 10, 1, [FeedItem(1)]),
        ], Ct);

        Assert.Null(await LoadFeedAsync(ghost, FeedKind.Channels));
        Assert.Single((await LoadFeedAsync(entity.Id, FeedKind.Channels))!.Messages);
    }

    [Fact]
    public async Task FeedEntityDelete_DeletesItsFeeds()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var kept = await Entities.CreateAsync(NewEntity(), Ct);
        await Feeds.SaveAsync(Node, [
            Snapshot(entity.Id, FeedKind.Channels, 10, 1, [FeedItem(1)]),
            Snapshot(entity.Id, FeedKind.DirectMessages, 10, 1, [FeedItem(1, guildId: null, mention: FeedMentionKind.Direct)]),
            Snapshot(kept.Id, FeedKind.Channels, 10, 1, [FeedItem(1)]),
        ], Ct);

        Assert.True(await Entities.DeleteAsync(entity.Id, Ct));
        var loaded = await Feeds.LoadAsync(Node, 10, Ct);

        Assert.DoesNotContain(loaded, f => f.EntityId == entity.Id);
        Assert.Contains(loaded, f => f.EntityId == kept.Id);
    }

    [Fact]
    public async Task FeedSave_TwoNodes_KeepFeedsOfTheirOwn()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);

        await Feeds.SaveAsync("node-a", [Snapshot(entity.Id, FeedKind.Channels, 10, 2, [FeedItem(1), FeedItem(2)], read: 1)], Ct);
        await Feeds.SaveAsync("node-b", [Snapshot(entity.Id, FeedKind.Channels, 10, 1, [FeedItem(1)])], Ct);
        var a = await LoadFeedAsync(entity.Id, FeedKind.Channels, node: "node-a");
        var b = await LoadFeedAsync(entity.Id, FeedKind.Channels, node: "node-b");

        Assert.Equal([1L, 2L], a!.Messages.Select(m => m.Sequence));
        Assert.Equal(1L, a.ReadCursor);
        Assert.Equal([1L], b!.Messages.Select(m => m.Sequence));
        Assert.Equal(0L, b.ReadCursor);
        Assert.Null(await LoadFeedAsync(entity.Id, FeedKind.Channels, node: "node-c"));
    }

    [Fact]
    public async Task FeedPrune_DeletesMessagesPostedBeforeTheCutoffOnEveryNode()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var old = T0.AddYears(-30);
        await Feeds.SaveAsync("node-a", [Snapshot(entity.Id, FeedKind.Channels, 10, 2, [FeedItem(1, at: old), FeedItem(2, at: T0)])], Ct);
        await Feeds.SaveAsync("node-b", [Snapshot(entity.Id, FeedKind.DirectMessages, 10, 1, [FeedItem(1, guildId: null, at: old.AddSeconds(1))])], Ct);

        var deleted = await Feeds.PruneAsync(old.AddMinutes(1), Ct);

        Assert.Equal(2, deleted);
        Assert.Equal([2L], (await LoadFeedAsync(entity.Id, FeedKind.Channels, node: "node-a"))!.Messages.Select(m => m.Sequence));
        var dms = await LoadFeedAsync(entity.Id, FeedKind.DirectMessages, node: "node-b");
        Assert.Empty(dms!.Messages);
        Assert.Equal(1, dms.LastSequence);
    }

    // A feed message as comparable text: every field, including the inbound message's lists.
    private static string Describe(FeedMessage m) =>
        $"{m.Sequence}|{m.Mention}|{m.FromEntity}|{m.Message with { MentionedUserIds = [], MentionedRoleIds = [] }}|{string.Join(',', m.Message.MentionedUserIds)}|{string.Join(',', m.Message.MentionedRoleIds)}";
}
