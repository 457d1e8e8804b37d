using System.Diagnostics.Metrics;
using MCPilot.Diagnostics;

namespace MCPilot.Discord.Gateway;

/// <summary>The Gateway's instruments, on MCPilot's meter.</summary>
internal static class GatewayMetrics
{
    public static readonly Counter<long> Connections = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.gateway.sessions", "{session}", "Sessions started (kind=identify) or resumed (kind=resume), by shard.");

    public static readonly Counter<long> Disconnects = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.gateway.disconnects", "{disconnect}", "Disconnects, by shard, cause and the action taken.");

    public static readonly Histogram<double> HeartbeatLatency = MCPilotDiagnostics.Meter.CreateHistogram<double>(
        "mcpilot.discord.gateway.heartbeat_latency", "s", "Time from a heartbeat to its ACK.");

    public static readonly Counter<long> Events = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.gateway.events", "{event}", "Dispatched events received, by type (rate = events per second).");

    public static readonly Counter<long> BackPressure = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.gateway.backpressure", "{wait}", "Times a shard paused reading because consumers were behind, by shard.");

    public static readonly Counter<long> HandlerErrors = MCPilotDiagnostics.Meter.CreateCounter<long>(
        "mcpilot.discord.gateway.handler_errors", "{error}", "Exceptions thrown by Gateway event handlers, by handler.");
}
