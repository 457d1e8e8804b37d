namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>CHANNEL_PINS_UPDATE</c>: a message was pinned or unpinned.</summary>
public sealed class ChannelPinsUpdateEvent : GatewayEvent
{
    /// <summary>The guild's id (absent in DMs).</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The channel's id.</summary>
    public ulong ChannelId { get; init; }

    /// <summary>When the most recent pin was made, if any pin is left.</summary>
    public DateTimeOffset? LastPinTimestamp { get; init; }
}
