namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_DELETE</c>: a guild became unavailable (outage) or the bot left or was removed.</summary>
public sealed class GuildDeleteEvent : GatewayEvent
{
    /// <summary>The guild's id.</summary>
    public ulong Id { get; init; }

    /// <summary>True for an outage (the guild comes back); false when the bot is no longer in it.</summary>
    public bool Unavailable { get; init; }
}
