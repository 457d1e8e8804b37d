namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>WEBHOOKS_UPDATE</c>: a channel's webhooks were created, changed or deleted.</summary>
public sealed class WebhooksUpdateEvent : GatewayEvent
{
    /// <summary>The guild's id.</summary>
    public ulong GuildId { get; init; }

    /// <summary>The channel's id.</summary>
    public ulong ChannelId { get; init; }
}
