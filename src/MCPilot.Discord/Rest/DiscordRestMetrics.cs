using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MCPilot.Diagnostics;
using MCPilot.Discord.RateLimiting;

namespace MCPilot.Discord.Rest;

/// <summary>The REST client's instruments, on MCPilot's meter.</summary>
internal static class DiscordRestMetrics
{
    private static readonly ConcurrentDictionary<InvalidRequestCounter, byte> Counters = new();

    public static readonly Counter<long> Requests = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.rest.requests", "{request}", "Discord REST responses, by route template and status.");

    public static readonly Histogram<double> Duration = MCPilotDiagnostics.Meter.CreateHistogram<double>(
        "mcpilot.discord.rest.duration", "s", "Time Discord took to answer one attempt.");

    public static readonly Counter<long> RateLimited = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.rest.rate_limited", "{response}", "429 responses, by scope.");

    public static readonly Counter<long> Retries = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.rest.retries", "{retry}", "Retries after a 5xx or a network error.");

    public static readonly ObservableGauge<int> InvalidRequests = MCPilotDiagnostics.Meter.CreateObservableGauge(
        "mcpilot.discord.rest.invalid_requests",
        () => Counters.Keys.Sum(c => c.Count),
        "{request}",
        "Invalid requests (401, 403, 429 outside shared scope) in the last 10 minutes; Discord bans the IP at 10,000.");

    public static void Track(InvalidRequestCounter counter) => Counters.TryAdd(counter, 0);

    public static void Untrack(InvalidRequestCounter counter) => Counters.TryRemove(counter, out _);
}
