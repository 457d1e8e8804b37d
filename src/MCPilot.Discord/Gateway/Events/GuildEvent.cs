using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_CREATE</c> or <c>GUILD_UPDATE</c>: a guild, whole.</summary>
public abstract class GuildEvent : GatewayEvent
{
    private protected GuildEvent(Guild guild) => Guild = guild;

    /// <summary>The guild (with its channels, threads and members on <c>GUILD_CREATE</c>).</summary>
    public Guild Guild { get; }
}
