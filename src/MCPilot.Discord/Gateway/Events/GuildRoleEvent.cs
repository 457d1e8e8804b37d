using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_ROLE_CREATE</c> or <c>GUILD_ROLE_UPDATE</c>.</summary>
public abstract class GuildRoleEvent : GatewayEvent
{
    /// <summary>The guild's id.</summary>
    public ulong GuildId { get; init; }

    /// <summary>The role as it now is.</summary>
    public Role Role { get; init; } = new();
}
