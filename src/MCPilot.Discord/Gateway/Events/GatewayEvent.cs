using System.Text.Json.Serialization;

namespace MCPilot.Discord.Gateway.Events;

/// <summary>
/// A dispatched Gateway event, decoded. Every typed event (<see cref="MessageCreateEvent"/>,
/// <see cref="InteractionCreateEvent"/>, ...) derives from it; events MCPilot has no type for
/// arrive as <see cref="UnknownGatewayEvent"/> with their raw JSON, so nothing is dropped.
/// </summary>
public abstract class GatewayEvent
{
    /// <summary>The event name, e.g. <c>MESSAGE_CREATE</c>.</summary>
    [JsonIgnore]
    public string Name { get; internal set; } = "";

    /// <summary>The shard that received it.</summary>
    [JsonIgnore]
    public int ShardId { get; internal set; }

    /// <summary>Its sequence number within the shard's session.</summary>
    [JsonIgnore]
    public long Sequence { get; internal set; }

    /// <summary>When the shard received it (Discord's 3-second interaction deadline counts from about then).</summary>
    [JsonIgnore]
    public DateTimeOffset ReceivedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} #{Sequence} (shard {ShardId})";
}
