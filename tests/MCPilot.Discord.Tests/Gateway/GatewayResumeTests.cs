using MCPilot.Discord.Gateway.Events;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Discord.Tests.Gateway;

/// <summary>
/// Every fault Discord lets a client recover from ends in a resume, after which the consumer has
/// seen exactly the session's sequence numbers 1..N, in order, each once.
/// </summary>
public sealed class GatewayResumeTests
{
    public static TheoryData<string> ResumableFaults => ["drop", "zombie", "reconnect", "invalid-session-resumable", "close-4000", "close-4008", "heartbeat-request"];

    [Theory]
    [MemberData(nameof(ResumableFaults))]
    public async Task Fault_Resumes_ExactSequenceWithoutLossOrDuplicate(string fault)
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var gateway = h.Fake.Gateway;
        var posted = new List<ulong>();
        for (var i = 0; i < 60; i++)
        {
            posted.Add(h.State.PostUserMessage(h.Demo!.General.Id, h.Demo.Alice.Id, $"message {i}").Id);
            if (i == 20)
            {
                Inject(gateway, fault);
            }

            if (i == 20 && fault == "zombie")
            {
                await GatewayHarness.WaitUntilAsync(() => h.Client.Shards[0].Resumes >= 1, "the zombie connection is resumed");
                gateway.AcknowledgeHeartbeats();
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        var expectResume = fault != "heartbeat-request";
        if (expectResume)
        {
            await GatewayHarness.WaitUntilAsync(() => h.Client.Shards[0].Resumes >= 1, "the shard resumed");
        }

        var session = Assert.Single(gateway.Sessions);
        await GatewayHarness.WaitUntilAsync(() => h.Seen.LastOrDefault()?.Sequence == gateway.Sessions[0].Sequence, "the consumer saw the session's last dispatch");
        session = gateway.Sessions[0];
        Assert.False(session.Invalidated);
        Assert.Equal(Enumerable.Range(1, (int)session.Sequence).Select(i => (long)i), h.Seen.Select(e => e.Sequence));
        Assert.Equal(posted, h.Events<MessageCreateEvent>().Select(m => m.Message.Id));
        Assert.Equal(1, h.Client.Shards[0].Identifies);
        Assert.Equal(1, gateway.Identifies);
        if (expectResume)
        {
            Assert.NotEmpty(h.Events<ResumedEvent>());
            Assert.True(gateway.Resumes >= 1);
        }

        Assert.Equal(0, gateway.HeartbeatTimeouts);
    }

    [Fact]
    public async Task Latency_DelaysDispatchesWithoutReconnecting()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        h.Fake.Gateway.Latency = TimeSpan.FromMilliseconds(150);
        var posted = Enumerable.Range(0, 5).Select(i => h.State.PostUserMessage(h.Demo!.General.Id, h.Demo.Alice.Id, $"slow {i}").Id).ToList();
        await GatewayHarness.WaitUntilAsync(() => h.Events<MessageCreateEvent>().Count == 5, "the delayed messages arrive");
        Assert.Equal(posted, h.Events<MessageCreateEvent>().Select(m => m.Message.Id));
        await GatewayHarness.WaitUntilAsync(() => h.Client.Shards[0].Latency >= TimeSpan.FromMilliseconds(150), "the heartbeat latency shows the delay");
        Assert.Equal(0, h.Client.Shards[0].Resumes);
        Assert.Equal(1, h.Fake.Gateway.Connections);
    }

    public static TheoryData<string> SessionEndingFaults => ["invalid-session", "close-4007", "close-4009"];

    [Theory]
    [MemberData(nameof(SessionEndingFaults))]
    public async Task SessionEnded_IdentifiesAnew_EachSessionSeenWhole(string fault)
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var gateway = h.Fake.Gateway;
        for (var i = 0; i < 5; i++)
        {
            h.State.PostUserMessage(h.Demo!.General.Id, h.Demo.Alice.Id, $"before {i}");
        }

        await GatewayHarness.WaitUntilAsync(() => h.Events<MessageCreateEvent>().Count == 5, "the first messages arrive");
        Inject(gateway, fault);
        await GatewayHarness.WaitUntilAsync(() => h.Events<ReadyEvent>().Count == 2, "a second session is ready");
        var after = Enumerable.Range(0, 5).Select(i => h.State.PostUserMessage(h.Demo!.General.Id, h.Demo.Alice.Id, $"after {i}").Id).ToList();
        await GatewayHarness.WaitUntilAsync(() => after.All(id => h.Events<MessageCreateEvent>().Any(m => m.Message.Id == id)), "the later messages arrive");

        Assert.Equal(2, gateway.Identifies);
        Assert.Equal(2, h.Client.Shards[0].Identifies);
        var sessions = gateway.Sessions;
        var first = sessions.Single(s => s.Invalidated);
        var second = sessions.Single(s => !s.Invalidated);
        var seen = h.Seen.ToList();
        var split = seen.FindLastIndex(e => e is ReadyEvent);
        Assert.Equal(Enumerable.Range(1, (int)first.Sequence).Select(i => (long)i), seen.Take(split).Select(e => e.Sequence));
        await GatewayHarness.WaitUntilAsync(() => h.Seen.Last().Sequence == gateway.Sessions.Single(s => !s.Invalidated).Sequence, "the second session is seen to its end");
        Assert.Equal(Enumerable.Range(1, (int)gateway.Sessions.Single(s => !s.Invalidated).Sequence).Select(i => (long)i), h.Seen.Skip(split).Select(e => e.Sequence));
        Assert.Equal(second.SessionId, gateway.Sessions.Single(s => !s.Invalidated).SessionId);
    }

    internal static void Inject(FakeGateway gateway, string fault)
    {
        var affected = fault switch
        {
            "drop" => gateway.DropConnections(),
            "zombie" => Silence(gateway),
            "reconnect" => gateway.SendReconnect(),
            "invalid-session-resumable" => gateway.InvalidateSession(resumable: true),
            "invalid-session" => gateway.InvalidateSession(resumable: false),
            "heartbeat-request" => gateway.RequestHeartbeat(),
            _ when fault.StartsWith("close-", StringComparison.Ordinal) => gateway.Close(int.Parse(fault["close-".Length..], System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException(fault),
        };
        Assert.Equal(1, affected);
    }

    private static int Silence(FakeGateway gateway)
    {
        gateway.StopAcknowledgingHeartbeats();
        return 1;
    }
}
