namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_ROLE_DELETE</c>: a role was deleted.</summary>
public sealed class GuildRoleDeleteEvent : GatewayEvent
{
    /// <summary>The guild's id.</summary>
    public ulong GuildId { get; init; }

    /// <summary>The deleted role's id.</summary>
    public ulong RoleId { get; init; }
}
