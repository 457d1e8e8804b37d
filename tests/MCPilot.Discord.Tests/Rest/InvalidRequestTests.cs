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
        var logs = new CapturingLoggerProvider();
        await using var h = await DiscordHarness.StartAsync(configure: o => o.Rest.InvalidRequestWarningThreshold = 2, logging: logs);
        h.State.DenyBotPermission(h.Demo.Random.Id, FakeBotPermission.ViewChannel);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync(h.Demo.Random.Id, TestContext.Current.CancellationToken));
        }

        Assert.Equal(3, h.Transport.InvalidRequestCount);
        var warnings = logs.Messages.Where(m => m.Level == LogLevel.Warning && m.Text.Contains("invalid Discord requests", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.StartsWith("2 invalid", warnings[0].Text, StringComparison.Ordinal);

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

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages)
                {
                    owner.Messages.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
