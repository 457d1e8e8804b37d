namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_ROLE_UPDATE</c>: a role changed.</summary>
public sealed class GuildRoleUpdateEvent : GuildRoleEvent;
