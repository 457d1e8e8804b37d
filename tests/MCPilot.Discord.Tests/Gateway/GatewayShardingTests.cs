using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewayShardingTests
{
    /// <summary>A guild id whose shard, of <paramref name="shards"/>, is <paramref name="shard"/>: (id &gt;&gt; 22) % shards.</summary>
    private static ulong GuildOnShard(int shard, int shards, int n) => ((ulong)(1_000_000 + (n * shards) + shard) << 22) | 7;

    private static void SeedGuilds(FakeDiscordServer server, int shards, out List<FakeGuild> guilds, out FakeUser human)
    {
        human = server.State.CreateUser("carol");
        guilds = [];
        for (var shard = 0; shard < shards; shard++)
        {
            for (var n = 0; n < 2; n++)
            {
                var guild = server.State.CreateGuild($"guild {shard}.{n}", id: GuildOnShard(shard, shards, n));
                server.State.AddMember(guild.Id, human.Id);
                server.State.CreateChannel(guild.Id, "general");
                guilds.Add(guild);
            }
        }
    }

    [Fact]
    public async Task RecommendedShards_GuildsAndEventsArriveOnDiscordsShard_DmsOnShardZero()
    {
        List<FakeGuild> guilds = [];
        FakeUser human = null!;
        await using var h = await GatewayHarness.StartAsync(
            fake: o => o.Gateway.RecommendedShards = 3,
            demo: false,
            seed: s => SeedGuilds(s, 3, out guilds, out human));
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, h.Client.ShardCount);
        Assert.Equal([0, 1, 2], h.Client.Shards.Select(s => s.ShardId));
        await GatewayHarness.WaitUntilAsync(() => h.Events<GuildCreateEvent>().Count == guilds.Count, "every guild is created");
        foreach (var created in h.Events<GuildCreateEvent>())
        {
            Assert.Equal(ShardMath.ShardFor(created.Guild.Id, 3), created.ShardId);
        }

        Assert.Equal(3, h.Fake.Gateway.Sessions.Count);
        foreach (var session in h.Fake.Gateway.Sessions)
        {
            Assert.All(session.GuildIds, id => Assert.Equal(session.ShardId, (int)((id >> 22) % 3)));
        }

        foreach (var guild in guilds)
        {
            var channel = h.State.GetChannels(guild.Id).First();
            h.State.PostUserMessage(channel.Id, human.Id, $"in {guild.Name}");
        }

        var dm = h.State.SendDirectMessage(human.Id, "a DM");
        await GatewayHarness.WaitUntilAsync(() => h.Events<MessageCreateEvent>().Count == guilds.Count + 1, "every message arrives");
        foreach (var message in h.Events<MessageCreateEvent>())
        {
            Assert.Equal(ShardMath.ShardFor(message.Message.GuildId, 3), message.ShardId);
        }

        var direct = Assert.Single(h.Events<MessageCreateEvent>(), m => m.Message.Id == dm.Id);
        Assert.Equal(0, direct.ShardId);
        Assert.True(direct.IsDirectMessage);
        Assert.Equal(guilds.Count, h.Services.GetRequiredService<IDiscordCache>().Guilds.Count);
    }

    [Fact]
    public async Task ShardSubset_RunsOnlyItsShards_AndSeesOnlyTheirGuilds()
    {
        List<FakeGuild> guilds = [];
        await using var h = await GatewayHarness.StartAsync(
            gateway: o =>
            {
                o.ShardCount = 3;
                o.ShardIds.Add(1);
            },
            demo: false,
            seed: s => SeedGuilds(s, 3, out guilds, out _));
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var shard = Assert.Single(h.Client.Shards);
        Assert.Equal(1, shard.ShardId);
        await GatewayHarness.WaitUntilAsync(() => h.Events<GuildCreateEvent>().Count == 2, "shard 1's guilds are created");
        Assert.All(h.Events<GuildCreateEvent>(), g => Assert.Equal(1, ShardMath.ShardFor(g.Guild.Id, 3)));
        var session = Assert.Single(h.Fake.Gateway.Sessions);
        Assert.Equal((1, 3), (session.ShardId, session.ShardCount));
    }

    [Fact]
    public async Task MaxConcurrency_IdentifiesPacedByBucket_NoInvalidSession()
    {
        await using var h = await GatewayHarness.StartAsync(
            fake: o =>
            {
                o.Gateway.RecommendedShards = 4;
                o.Gateway.MaxConcurrency = 2;
                o.Gateway.IdentifyInterval = TimeSpan.FromMilliseconds(300);
            },

            // 200 ms to spare over FakeDiscord's window: a JIT pause or a busy core must not make an identify look early.
            gateway: o => o.IdentifySpacing = TimeSpan.FromMilliseconds(500));
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        await GatewayHarness.WaitUntilAsync(() => h.Events<ReadyEvent>().Count == 4, "every READY reaches the consumer");
        Assert.Equal(4, h.Fake.Gateway.Identifies);
        Assert.All(h.Client.Shards, s => Assert.Equal(1, s.Identifies));
        Assert.Equal(4, h.Events<ReadyEvent>().Count);
        var order = h.Events<ReadyEvent>().Select(r => r.ShardId).ToList();
        Assert.True(order.IndexOf(0) < order.IndexOf(2) && order.IndexOf(1) < order.IndexOf(3), $"buckets in order: {string.Join(",", order)}");
    }

    [Fact]
    public async Task SessionStartLimit_OneLeftForFourShards_OneIdentifies_TheOthersWaitForTheReset()
    {
        var logs = new ListLoggerProvider();
        await using var h = await GatewayHarness.StartAsync(
            fake: o =>
            {
                o.Gateway.RecommendedShards = 4;
                o.Gateway.MaxConcurrency = 4;
                o.Gateway.SessionStartLimit = 1;
            },
            logging: logs);
        await h.WaitForAsync<ReadyEvent>();
        await GatewayHarness.WaitUntilAsync(
            () => logs.Entries.Count(e => e.Message.Contains("for the session start limit to reset", StringComparison.Ordinal)) >= 3,
            "the three other shards wait for the reset");

        Assert.Equal(1, h.Client.Shards.Sum(s => s.Identifies));
        Assert.Equal(0, h.Client.SessionStartsRemaining);
        Assert.Equal(1, h.Fake.Gateway.Identifies);
        Assert.Single(h.Events<ReadyEvent>());
        Assert.Equal(3, h.Client.Shards.Count(s => s.State != ShardState.Ready));
    }
}
