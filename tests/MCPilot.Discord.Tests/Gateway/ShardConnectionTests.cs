using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Models;
using MCPilot.Testing;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class ShardConnectionTests
{
    [Fact]
    public async Task FirstHeartbeat_AtTheRandomPointOfTheIntervalAfterHello_NotAtZeroNorAtTheInterval()
    {
        const int Seed = 20_241;
        var interval = TimeSpan.FromSeconds(10);
        var due = interval * new Random(Seed).NextDouble();
        Assert.InRange(due, interval * 0.1, interval * 0.9);
        var fake = GatewayHarness.FastFake(o => o.Gateway.HeartbeatInterval = interval);
        fake.RecordFromEnvironment = false;
        await using var server = await FakeDiscordServer.StartAsync(fake, TestContext.Current.CancellationToken);
        server.State.SeedDemo();

        // The client's clock stands still unless the test moves it: Hello came at its "now".
        var time = new ManualTimeProvider();
        var bot = new GatewayBot { Url = server.GatewayUrl, Shards = 1, SessionStartLimit = new SessionStartLimit { Total = 1000, Remaining = 1000, ResetAfter = 86_400_000, MaxConcurrency = 1 } };
        await using var client = new DiscordGatewayClient(server.BotToken, new GatewayOptions(), _ => Task.FromResult(bot), time, NullLoggerFactory.Instance, new Random(Seed));
        await client.StartAsync(TestContext.Current.CancellationToken);
        await GatewayHarness.WaitUntilAsync(() => client.Shards[0].State == ShardState.Ready, "the shard is ready");
        Assert.Null(client.Shards[0].Latency);

        time.Advance(due - TimeSpan.FromMilliseconds(1));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Null(client.Shards[0].Latency);

        time.Advance(TimeSpan.FromMilliseconds(2));
        await GatewayHarness.WaitUntilAsync(() => client.Shards[0].Latency is not null, "the first heartbeat is sent and acknowledged");
    }

    public static TheoryData<string> UnreadableFrames =>
    [
        """{"op":"x","d":null}""",
        """{"op":0,"s":1.5,"t":"MESSAGE_CREATE","d":{}}""",
    ];

    [Theory]
    [MemberData(nameof(UnreadableFrames))]
    public async Task UnreadableFrame_OneShardResumes_EveryShardKeepsReceiving(string frame)
    {
        await using var h = await GatewayHarness.StartAsync(fake: o => o.Gateway.RecommendedShards = 2);
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var shard = ShardMath.ShardFor(h.Demo!.Guild.Id, 2);
        var before = h.State.PostUserMessage(h.Demo.General.Id, h.Demo.Alice.Id, "before");
        await h.WaitForAsync<MessageCreateEvent>(m => m.Message.Id == before.Id);

        Assert.Equal(1, h.Fake.Gateway.SendRawFrame(frame, shard));
        await GatewayHarness.WaitUntilAsync(() => h.Client.Shards[shard].Resumes == 1, "the shard resumes");
        var after = h.State.PostUserMessage(h.Demo.General.Id, h.Demo.Alice.Id, "after");
        var dm = h.State.SendDirectMessage(h.Demo.Bob.Id, "on shard 0");
        await h.WaitForAsync<MessageCreateEvent>(m => m.Message.Id == after.Id);
        await h.WaitForAsync<MessageCreateEvent>(m => m.Message.Id == dm.Id);

        Assert.False(h.Client.Completion.IsCompleted);
        Assert.All(h.Client.Shards, s => Assert.Equal(1, s.Identifies));
        Assert.Contains("unreadable payload", h.Client.Shards[shard].LastDisconnect, StringComparison.Ordinal);
        var sequences = h.Seen.Where(e => e.ShardId == shard).Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task ResumeUrlNotWebSocket_FallsBackToTheGatewayUrl_AndResumes()
    {
        var logs = new ListLoggerProvider();
        await using var h = await GatewayHarness.StartAsync(fake: o => o.Gateway.ResumeGatewayUrl = "http://nope", logging: logs);
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("'http://nope' is not a ws:// or wss:// URL", StringComparison.Ordinal));

        h.Fake.Gateway.DropConnections();
        await GatewayHarness.WaitUntilAsync(() => h.Client.Shards[0].Resumes == 1, "the shard resumes");
        var posted = h.State.PostUserMessage(h.Demo!.General.Id, h.Demo.Alice.Id, "after the drop");
        await h.WaitForAsync<MessageCreateEvent>(m => m.Message.Id == posted.Id);

        Assert.Equal(1, h.Fake.Gateway.Resumes);
        Assert.Equal(1, h.Fake.Gateway.Identifies);
        Assert.False(h.Client.Completion.IsCompleted);
        var host = new Uri(h.Fake.GatewayUrl).Host;
        Assert.Contains(logs.Entries, e => e.Message.Contains($"connecting to {host} to resume", StringComparison.Ordinal));
    }
}
