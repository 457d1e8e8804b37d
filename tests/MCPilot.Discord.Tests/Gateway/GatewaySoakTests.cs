using System.Globalization;
using MCPilot.Discord.Gateway.Events;

namespace MCPilot.Discord.Tests.Gateway;

/// <summary>
/// Random faults against two shards under a steady stream of messages, for MCPILOT_SOAK_SECONDS
/// (3 s by default, so CI runs a short one). Reports events sent against events received; every
/// session that stayed resumable must have been seen whole, and no session's events may be seen
/// twice or out of order.
/// </summary>
public sealed class GatewaySoakTests
{
    private static readonly string[] Faults = ["drop", "zombie", "reconnect", "invalid-session-resumable", "invalid-session", "close-4000", "close-4009", "latency", "heartbeat-request"];

    private static TimeSpan Duration => TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("MCPILOT_SOAK_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 3);

    [Fact]
    public async Task Soak_RandomFaults_EverySessionSeenInOrder_ResumableOnesWhole()
    {
        const ulong SecondGuild = (3_000_001UL << 22) | 9;
        await using var h = await GatewayHarness.StartAsync(
            fake: o => o.Gateway.RecommendedShards = 2,
            seed: s =>
            {
                var guild = s.State.CreateGuild("shard one", id: SecondGuild);
                s.State.CreateChannel(guild.Id, "general");
            });
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var demo = h.Demo!;
        h.State.AddMember(SecondGuild, demo.Alice.Id);
        var channels = new[] { demo.General.Id, demo.Thread.Id, h.State.GetChannels(SecondGuild)[0].Id };
        var gateway = h.Fake.Gateway;
        var random = new Random(4);
        var until = DateTimeOffset.UtcNow + Duration;
        var faults = new Dictionary<string, int>();
        var posted = 0;

        var producer = Task.Run(async () =>
        {
            while (DateTimeOffset.UtcNow < until)
            {
                var pick = posted % 7;
                if (pick == 6)
                {
                    h.State.SendDirectMessage(demo.Alice.Id, $"dm {posted}");
                }
                else
                {
                    h.State.PostUserMessage(channels[pick % channels.Length], demo.Alice.Id, $"soak {posted}");
                }

                posted++;
                await Task.Delay(2);
            }
        });

        while (DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(random.Next(150, 400), TestContext.Current.CancellationToken);
            var fault = Faults[random.Next(Faults.Length)];
            int? shard = random.Next(3) switch { 0 => 0, 1 => 1, _ => null };
            faults[fault] = faults.GetValueOrDefault(fault) + 1;
            switch (fault)
            {
                case "zombie":
                    gateway.StopAcknowledgingHeartbeats(shard);
                    await Task.Delay(1200, TestContext.Current.CancellationToken);
                    gateway.AcknowledgeHeartbeats();
                    break;
                case "latency":
                    gateway.Latency = gateway.Latency == TimeSpan.Zero ? TimeSpan.FromMilliseconds(random.Next(5, 60)) : TimeSpan.Zero;
                    break;
                case "drop": gateway.DropConnections(shard); break;
                case "reconnect": gateway.SendReconnect(shard); break;
                case "invalid-session-resumable": gateway.InvalidateSession(resumable: true, shard); break;
                case "invalid-session": gateway.InvalidateSession(resumable: false, shard); break;
                case "close-4000": gateway.Close(4000, shard); break;
                case "close-4009": gateway.Close(4009, shard); break;
                case "heartbeat-request": gateway.RequestHeartbeat(shard); break;
            }
        }

        await producer;
        gateway.AcknowledgeHeartbeats();
        gateway.Latency = TimeSpan.Zero;
        await GatewayHarness.WaitUntilAsync(
            () => gateway.Sessions.Where(s => !s.Invalidated).All(s => s.Connected && Epochs(h, s.ShardId).LastOrDefault() is { Count: > 0 } last && last[^1].Sequence == s.Sequence)
                && h.Client.Shards.All(s => s.State == MCPilot.Discord.Gateway.ShardState.Ready),
            "every live session is seen to its end",
            TimeSpan.FromSeconds(60));

        long sent = 0, received = 0, unrecoverable = 0;
        foreach (var shard in new[] { 0, 1 })
        {
            var sessions = gateway.Sessions.Where(s => s.ShardId == shard).ToList();
            var epochs = Epochs(h, shard);
            Assert.Equal(sessions.Count, epochs.Count);
            for (var i = 0; i < sessions.Count; i++)
            {
                var seen = epochs[i].Select(e => e.Sequence).ToList();
                Assert.Equal(Enumerable.Range(1, seen.Count).Select(n => (long)n), seen);
                if (sessions[i].Invalidated)
                {
                    Assert.True(seen.Count <= sessions[i].Sequence);
                    unrecoverable += sessions[i].Sequence - seen.Count;
                }
                else
                {
                    Assert.Equal(sessions[i].Sequence, seen.Count);
                }

                sent += sessions[i].Sequence;
                received += seen.Count;
            }
        }

        var report = $"gateway soak {Duration.TotalSeconds:0.#} s: {posted} messages posted, {faults.Values.Sum()} faults ({string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}); "
            + $"events sent {sent}, received {received}, lost only in sessions Discord invalidated {unrecoverable}; "
            + $"identifies {gateway.Identifies}, resumes {gateway.Resumes}, duplicates 0, out of order 0";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("MCPILOT_SOAK_REPORT") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, report + Environment.NewLine, TestContext.Current.CancellationToken);
        }

        Assert.Equal(sent - unrecoverable, received);
        Assert.True(gateway.Resumes > 0 || faults.Count == 0);
    }

    /// <summary>The events a shard's consumer saw, split into sessions at each READY.</summary>
    private static List<List<GatewayEvent>> Epochs(GatewayHarness h, int shard)
    {
        var epochs = new List<List<GatewayEvent>>();
        foreach (var e in h.Seen.Where(e => e.ShardId == shard))
        {
            if (e is ReadyEvent)
            {
                epochs.Add([]);
            }

            epochs[^1].Add(e);
        }

        return epochs;
    }
}
