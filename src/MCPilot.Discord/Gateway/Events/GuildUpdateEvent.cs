using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_UPDATE</c>: a guild's settings changed.</summary>
public sealed class GuildUpdateEvent : GuildEvent
{
    internal GuildUpdateEvent(Guild guild)
        : base(guild)
    {
    }
}
