using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_CREATE</c>: a guild became available after READY, came back after an outage, or the bot joined it.</summary>
public sealed class GuildCreateEvent : GuildEvent
{
    internal GuildCreateEvent(Guild guild)
        : base(guild)
    {
    }
}
