namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_ROLE_CREATE</c>: a role was created.</summary>
public sealed class GuildRoleCreateEvent : GuildRoleEvent;
