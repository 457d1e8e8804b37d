using System.Globalization;
using System.Text.Json.Nodes;
using MCPilot.Discord.Gateway;

namespace MCPilot.Host.Status;

/// <summary>The Discord Gateway: its state, shards, heartbeat latency, events per second and uptime.</summary>
internal sealed class GatewayStatusSource(DiscordGatewayClient gateway) : IHostStatusSource
{
    /// <summary>The section's name.</summary>
    public const string SectionName = "gateway";

    /// <summary>The field with the Gateway's state in one word (<c>ready</c>, <c>connecting</c>, <c>failed</c>, …).</summary>
    public const string StateField = "state";

    /// <summary>The field with the mean heartbeat latency of the ready shards, in milliseconds.</summary>
    public const string LatencyField = "latencyMs";

    /// <summary>The field with how many of this host's shards are ready, e.g. <c>1/1</c>.</summary>
    public const string ShardsReadyField = "shardsReady";

    /// <summary>The field with the events received per second over the last minute.</summary>
    public const string EventsPerSecondField = "eventsPerSecond";

    public string Name => SectionName;

    public bool IsLive => true;

    /// <summary>How the Gateway is doing: its level, its state in one word, and what is wrong.</summary>
    public static (HostStatusLevel Level, string State, string? Problem) Evaluate(DiscordGatewayClient gateway)
    {
        if (gateway.Completion.IsFaulted)
        {
            return (HostStatusLevel.Error, "failed", gateway.Completion.Exception!.InnerException!.Message);
        }

        var shards = gateway.Shards;
        if (shards.Count == 0)
        {
            return (HostStatusLevel.Warning, "connecting", "The Gateway is not connected yet: the bot neither hears messages nor answers commands until it is.");
        }

        if (shards.FirstOrDefault(s => s.State == ShardState.Failed) is { } failed)
        {
            return (HostStatusLevel.Error, "failed", $"Shard {failed.ShardId} stopped: {failed.Error}");
        }

        if (shards.All(s => s.State == ShardState.Stopped))
        {
            return (HostStatusLevel.Warning, "stopped", "The Gateway was stopped: the host is shutting down.");
        }

        var waiting = shards.Where(s => s.State != ShardState.Ready).ToList();
        if (waiting.Count > 0)
        {
            var which = string.Join("; ", waiting.Select(s => $"shard {s.ShardId} {s.State.ToString().ToLowerInvariant()}{(s.LastDisconnect is { } why ? $" (last disconnect: {why})" : "")}"));
            return (HostStatusLevel.Warning, "connecting", $"Not every shard is ready: {which}. Events missed meanwhile are replayed when a shard resumes.");
        }

        return (HostStatusLevel.Ok, "ready", null);
    }

    public Task<HostStatusSection> ReadAsync(CancellationToken cancellationToken)
    {
        var (level, state, problem) = Evaluate(gateway);
        var shards = gateway.Shards;
        var latencies = shards.Where(s => s.State == ShardState.Ready && s.Latency is not null).Select(s => s.Latency!.Value.TotalMilliseconds).ToList();
        var fields = new JsonObject
        {
            [StateField] = state,
            [ShardsReadyField] = string.Create(CultureInfo.InvariantCulture, $"{shards.Count(s => s.State == ShardState.Ready)}/{shards.Count}"),
            ["shardCount"] = gateway.ShardCount,
            [LatencyField] = latencies.Count == 0 ? null : Math.Round(latencies.Average()),
            [EventsPerSecondField] = Math.Round(gateway.EventsPerSecond, 1),
            ["uptime"] = gateway.Uptime is { } uptime ? HostProcessStatusSource.FormatUptime(uptime) : null,
            ["sessionStartsRemaining"] = gateway.SessionStartsRemaining == int.MaxValue ? null : gateway.SessionStartsRemaining,
            ["shards"] = new JsonArray([.. shards.Select(s => (JsonNode?)Describe(s))]),
        };
        return Task.FromResult(new HostStatusSection(Name, level, problem, fields));
    }

    private static string Describe(ShardStatus shard) => string.Create(CultureInfo.InvariantCulture,
        $"#{shard.ShardId} {shard.State.ToString().ToLowerInvariant()}{(shard.Latency is { } latency ? $" {latency.TotalMilliseconds:0} ms" : "")}, {shard.Resumes} resume{(shard.Resumes == 1 ? "" : "s")}");
}
