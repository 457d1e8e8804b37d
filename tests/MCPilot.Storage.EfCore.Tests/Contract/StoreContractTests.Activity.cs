using MCPilot.Activity;
using MCPilot.Conversations;

namespace MCPilot.Storage.EfCore.Tests.Contract;

public abstract partial class StoreContractTests
{
    protected static ThreadKey NewKey() => new(Snowflake(), Snowflake(), Snowflake());

    [Fact]
    public async Task ConversationGetOrCreateActive_Concurrent_AllGetOneThread()
    {
        var key = NewKey();

        var threads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Conversations.GetOrCreateActiveAsync(key, T0, Ct), Ct)));

        Assert.All(threads, t => Assert.Equal(threads[0].Id, t.Id));
        Assert.Equal(key, threads[0].Key);
        Assert.False(threads[0].IsArchived);
        Assert.Single(await Conversations.ListThreadsAsync(key, Ct));
    }

    [Fact]
    public async Task ConversationArchiveAndStart_ArchivesActiveAndStartsNew()
    {
        var key = NewKey();
        var first = await Conversations.GetOrCreateActiveAsync(key, T0, Ct);

        var second = await Conversations.ArchiveAndStartAsync(key, T0.AddHours(1), Ct);
        var active = await Conversations.GetOrCreateActiveAsync(key, T0.AddHours(2), Ct);
        var threads = await Conversations.ListThreadsAsync(key, Ct);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, active.Id);
        Assert.Equal([second.Id, first.Id], threads.Select(t => t.Id));
        Assert.Equal(T0.AddHours(1), threads[1].ArchivedAt);
        Assert.False(threads[0].IsArchived);
        Assert.Empty(await Conversations.ListThreadsAsync(NewKey(), Ct));
    }

    [Fact]
    public async Task ConversationArchiveAndStart_NoActiveThread_StartsOne()
    {
        var key = NewKey();

        var thread = await Conversations.ArchiveAndStartAsync(key, T0, Ct);

        Assert.Equal(thread.Id, (await Conversations.GetOrCreateActiveAsync(key, T0, Ct)).Id);
    }

    [Fact]
    public async Task ConversationAppend_NumbersMessagesInOrderAcrossCalls()
    {
        var thread = await Conversations.GetOrCreateActiveAsync(NewKey(), T0, Ct);

        var first = await Conversations.AppendAsync(thread.Id, [
            new ConversationMessage(Guid.Empty, 0, ConversationRole.User, "hi", T0),
            new ConversationMessage(Guid.Empty, 0, ConversationRole.Assistant, "", T0.AddSeconds(1), "[{\"name\":\"search\"}]"),
        ], Ct);
        var second = await Conversations.AppendAsync(thread.Id, [new ConversationMessage(Guid.Empty, 0, ConversationRole.Tool, "result", T0.AddSeconds(2), "{\"id\":\"1\"}")], Ct);

        Assert.Equal([1L, 2L], first.Select(m => m.Sequence));
        Assert.Equal(3L, Assert.Single(second).Sequence);
        Assert.All(first.Concat(second), m => Assert.Equal(thread.Id, m.ThreadId));
        var recent = await Conversations.GetRecentAsync(thread.Id, 10, Ct);
        Assert.Equal([.. first, .. second], recent);
    }

    [Fact]
    public async Task ConversationAppend_Concurrent_NumbersEveryMessageOnce()
    {
        var thread = await Conversations.GetOrCreateActiveAsync(NewKey(), T0, Ct);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Conversations.AppendAsync(thread.Id, [
            new ConversationMessage(thread.Id, 0, ConversationRole.User, "m" + i, T0),
            new ConversationMessage(thread.Id, 0, ConversationRole.Assistant, "r" + i, T0),
        ], Ct), Ct)));

        var all = await Conversations.GetRecentAsync(thread.Id, 100, Ct);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), all.Select(m => m.Sequence));
        for (var i = 0; i < all.Count; i += 2)
        {
            Assert.Equal("r" + all[i].Content[1..], all[i + 1].Content);
        }
    }

    [Fact]
    public async Task ConversationGetRecent_Limit_ReturnsLastMessagesOldestFirst()
    {
        var thread = await Conversations.GetOrCreateActiveAsync(NewKey(), T0, Ct);
        await Conversations.AppendAsync(thread.Id, [.. Enumerable.Range(1, 5).Select(i => new ConversationMessage(thread.Id, 0, ConversationRole.User, "m" + i, T0.AddSeconds(i)))], Ct);

        var recent = await Conversations.GetRecentAsync(thread.Id, 2, Ct);

        Assert.Equal(["m4", "m5"], recent.Select(m => m.Content));
        Assert.Empty(await Conversations.GetRecentAsync(Guid.NewGuid(), 2, Ct));
    }

    [Fact]
    public async Task ConversationAppend_UnknownThread_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => Conversations.AppendAsync(Guid.NewGuid(), [new ConversationMessage(Guid.Empty, 0, ConversationRole.User, "x", T0)], Ct));

        Assert.Equal(StoreError.NotFound, error.Error);
    }

    [Fact]
    public async Task CounterIncrement_Concurrent_LosesNoIncrement()
    {
        var guild = Snowflake();
        var entity = EntityId.New();
        var day = new DateOnly(2026, 11, 22);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Counters.IncrementAsync(entity, guild, day, 1, Ct), Ct)));
        await Counters.IncrementAsync(entity, guild, day, 5, Ct);

        Assert.Equal([new LeaderboardRow(entity, 25)], await Counters.GetLeaderboardAsync(guild, day, day, 10, Ct));
    }

    [Fact]
    public async Task CounterLeaderboard_SumsDaysInRangeOfTheGuildMostFirst()
    {
        var guild = Snowflake();
        var (a, b, c) = (EntityId.New(), EntityId.New(), EntityId.New());
        var day = new DateOnly(2026, 11, 1);
        await Counters.IncrementAsync(a, guild, day, 3, Ct);
        await Counters.IncrementAsync(a, guild, day.AddDays(1), 3, Ct);
        await Counters.IncrementAsync(b, guild, day, 10, Ct);
        await Counters.IncrementAsync(c, guild, day.AddDays(1), 1, Ct);
        await Counters.IncrementAsync(c, guild, day.AddDays(5), 100, Ct);
        await Counters.IncrementAsync(c, Snowflake(), day, 100, Ct);

        var week = await Counters.GetLeaderboardAsync(guild, day, day.AddDays(1), 10, Ct);
        var top = await Counters.GetLeaderboardAsync(guild, day, day.AddDays(1), 1, Ct);

        Assert.Equal([new LeaderboardRow(b, 10), new LeaderboardRow(a, 6), new LeaderboardRow(c, 1)], week);
        Assert.Equal([new LeaderboardRow(b, 10)], top);
    }

    [Fact]
    public async Task AuditQuery_FiltersByEntityAndSinceNewestFirstWithLimit()
    {
        var entity = EntityId.New();
        var other = EntityId.New();
        var records = new[]
        {
            new ToolCallRecord(T0, entity, null, "send_message", ToolCallOutcome.Success, TimeSpan.FromMilliseconds(12.5), "channel 1"),
            new ToolCallRecord(T0.AddSeconds(1), entity, 42UL, "read_messages", ToolCallOutcome.Denied, TimeSpan.FromMilliseconds(1)),
            new ToolCallRecord(T0.AddSeconds(2), other, null, "send_message", ToolCallOutcome.RateLimited, TimeSpan.Zero),
            new ToolCallRecord(T0.AddSeconds(3), entity, null, "add_reaction", ToolCallOutcome.Failed, TimeSpan.FromSeconds(2), "Discord said 50013"),
        };
        foreach (var record in records)
        {
            await Audit.AppendAsync(record, Ct);
        }

        Assert.Equal([records[3], records[1], records[0]], await Audit.QueryAsync(entity, null, 10, Ct));
        Assert.Equal([records[3], records[1]], await Audit.QueryAsync(entity, T0.AddSeconds(1), 10, Ct));
        Assert.Equal([records[3]], await Audit.QueryAsync(entity, null, 1, Ct));
        Assert.Equal([records[2]], await Audit.QueryAsync(other, null, 10, Ct));
    }
}
