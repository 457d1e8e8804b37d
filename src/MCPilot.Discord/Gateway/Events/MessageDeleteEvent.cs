namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>MESSAGE_DELETE</c>: a message was deleted.</summary>
public sealed class MessageDeleteEvent : GatewayEvent
{
    /// <summary>The message's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The channel's id.</summary>
    public ulong ChannelId { get; init; }

    /// <summary>The guild's id (absent in DMs).</summary>
    public ulong? GuildId { get; init; }
}
