namespace MCPilot.Discord.Models;

/// <summary>Where and how a bot connects to the Gateway (<c>GET /gateway/bot</c>).</summary>
public sealed class GatewayBot
{
    /// <summary>The WebSocket URL (append <c>/?v=10&amp;encoding=json</c>).</summary>
    public string Url { get; init; } = "";

    /// <summary>The recommended number of shards.</summary>
    public int Shards { get; init; }

    /// <summary>How many sessions the bot may still start.</summary>
    public SessionStartLimit SessionStartLimit { get; init; } = new();
}
