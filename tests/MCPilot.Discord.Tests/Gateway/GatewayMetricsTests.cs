using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MCPilot.Discord.Gateway.Events;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Tests.Gateway;

[Collection(GatewayMetricsCollection.Name)]
public sealed class GatewayMetricsTests
{
    [Fact]
    public async Task DropThenResume_SessionsDisconnectsLatencyAndEvents_AreMeasured_AndTheCauseLogged()
    {
        var measured = new ConcurrentQueue<Measurement>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MCPilot" && instrument.Name.StartsWith("mcpilot.discord.gateway.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured.Enqueue(new(instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured.Enqueue(new(instrument.Name, value, Tags(tags))));
        listener.Start();

        var logs = new ListLoggerProvider();
        await using var h = await GatewayHarness.StartAsync(logging: logs);
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, h.Fake.Gateway.DropConnections());
        await GatewayHarness.WaitUntilAsync(() => h.Client.Shards[0].Resumes == 1, "the shard resumes");
        var posted = h.State.PostUserMessage(h.Demo!.General.Id, h.Demo.Alice.Id, "after the drop");
        await h.WaitForAsync<MessageCreateEvent>(m => m.Message.Id == posted.Id);
        await GatewayHarness.WaitUntilAsync(() => measured.Any(m => m.Instrument == "mcpilot.discord.gateway.heartbeat_latency"), "a heartbeat latency is recorded");
        await GatewayHarness.WaitUntilAsync(() => h.Client.EventsPerSecond > 0, "the events-per-second figure counts the events");

        double Sum(string instrument, string tag, string value) => measured.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);
        Assert.Equal(1, Sum("mcpilot.discord.gateway.sessions", "kind", "identify"));
        Assert.Equal(1, Sum("mcpilot.discord.gateway.sessions", "kind", "resume"));
        var disconnect = Assert.Single(measured, m => m.Instrument == "mcpilot.discord.gateway.disconnects");
        Assert.Equal(("connection_lost", "Resume", 0), (disconnect.Tags["cause"], disconnect.Tags["action"], disconnect.Tags["shard"]));
        Assert.All(measured.Where(m => m.Instrument == "mcpilot.discord.gateway.heartbeat_latency"), m => Assert.InRange(m.Value, 0, 10));
        Assert.True(Sum("mcpilot.discord.gateway.events", "type", "MESSAGE_CREATE") >= 1);
        Assert.Equal(h.Client.Shards[0].EventsReceived, measured.Where(m => m.Instrument == "mcpilot.discord.gateway.events").Sum(m => m.Value));

        var disconnected = Assert.Single(logs.Entries, e => e.Message.StartsWith("Gateway shard 0 disconnected", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, disconnected.Level);
        Assert.Contains("disconnected (connection lost: ", disconnected.Message, StringComparison.Ordinal);
        Assert.Contains("next: Resume", disconnected.Message, StringComparison.Ordinal);
        Assert.Equal(h.Client.Shards[0].LastDisconnect, disconnected.Message[(disconnected.Message.IndexOf('(', StringComparison.Ordinal) + 1)..disconnected.Message.LastIndexOf("); next", StringComparison.Ordinal)]);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        return dictionary;
    }

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
