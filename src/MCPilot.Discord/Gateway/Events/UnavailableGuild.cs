namespace MCPilot.Discord.Gateway.Events;

/// <summary>A guild known only by id: in <c>READY</c>, and in <c>GUILD_DELETE</c>.</summary>
public sealed class UnavailableGuild
{
    /// <summary>The guild's id.</summary>
    public ulong Id { get; init; }

    /// <summary>True during an outage; absent (false) in a <c>GUILD_DELETE</c> when the bot left or was removed.</summary>
    public bool Unavailable { get; init; }
}
