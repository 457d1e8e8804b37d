using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewayBackPressureTests
{
    [Fact]
    public async Task StalledConsumer_PausesReading_HeartbeatsGoOn_NoZombieReconnect_NothingLost()
    {
        await using var h = await GatewayHarness.StartAsync(gateway: o =>
        {
            o.EventBufferCapacity = 4;
            o.HandlerQueueCapacity = 4;
        });
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var source = (IGatewayEventSource)h.Services.GetService(typeof(IGatewayEventSource))!;
        using var stalled = source.Subscribe(new GatewaySubscriptionOptions { Name = "stalled", Capacity = 2 });

        var posted = Enumerable.Range(0, 300).Select(i => h.State.PostUserMessage(h.Demo!.General.Id, h.Demo.Alice.Id, $"burst {i} " + new string('x', 2000)).Id).ToList();

        // Six heartbeat intervals (400 ms each) with the consumer stalled, longer than FakeDiscord's
        // heartbeat timeout (1.6 s): the shard must keep heartbeating and not call the connection a zombie.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.True(h.Events<MessageCreateEvent>().Count < posted.Count, "the stalled subscription held dispatch back");
        Assert.Equal(0, h.Fake.Gateway.HeartbeatTimeouts);
        Assert.Equal(0, h.Client.Shards[0].Resumes);
        Assert.Equal(1, h.Fake.Gateway.Connections);

        var drained = new List<GatewayEvent>();
        while (drained.OfType<MessageCreateEvent>().Count() < posted.Count)
        {
            drained.Add(await stalled.Reader.ReadAsync(TestContext.Current.CancellationToken));
        }

        await GatewayHarness.WaitUntilAsync(() => h.Events<MessageCreateEvent>().Count == posted.Count, "every message reaches the other subscriber");
        Assert.Equal(posted, h.Events<MessageCreateEvent>().Select(m => m.Message.Id));
        Assert.Equal(posted, drained.OfType<MessageCreateEvent>().Select(m => m.Message.Id));
        Assert.Equal(0, h.Fake.Gateway.HeartbeatTimeouts);
        Assert.Equal(0, h.Client.Shards[0].Resumes);
        Assert.Equal(1, h.Fake.Gateway.Connections);
    }
}
