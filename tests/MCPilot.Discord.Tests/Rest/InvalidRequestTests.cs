using System.Diagnostics.Metrics;
using MCPilot.Discord.Rest;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Tests.Rest;

public sealed class InvalidRequestTests
{
    [Fact]
    public async Task InvalidRequests_AreAMetric_AndWarnedAboutAtTheThreshold()
    {
        var logs = new ListLoggerProvider();
        await using var h = await DiscordHarness.StartAsync(configure: o => o.Rest.InvalidRequestWarningThreshold = 2, logging: logs);
        h.State.DenyBotPermission(h.Demo.Random.Id, FakeBotPermission.ViewChannel);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync(h.Demo.Random.Id, TestContext.Current.CancellationToken));
        }

        Assert.Equal(3, h.Transport.InvalidRequestCount);
        var warnings = logs.Entries.Where(m => m.Level == LogLevel.Warning && m.Message.Contains("invalid Discord requests", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.StartsWith("2 invalid", warnings[0].Message, StringComparison.Ordinal);

        var observed = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MCPilot" && instrument.Name == "mcpilot.discord.rest.invalid_requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => observed = Math.Max(observed, value));
        listener.Start();
        listener.RecordObservableInstruments();
        Assert.True(observed >= 3, $"observed {observed}");
    }
}
