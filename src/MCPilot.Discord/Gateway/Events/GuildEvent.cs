using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>GUILD_CREATE</c> or <c>GUILD_UPDATE</c>: a guild, whole.</summary>
public abstract class GuildEvent : GatewayEvent
{
    private protected GuildEvent(Guild guild) => Guild = guild;

    /// <summary>The guild (with its channels, threads and members on <c>GUILD_CREATE</c>).</summary>
    public Guild Guild { get; }
}

/// <summary><c>GUILD_CREATE</c>: a guild became available after READY, came back after an outage, or the bot joined it.</summary>
public sealed class GuildCreateEvent : GuildEvent
{
    internal GuildCreateEvent(Guild guild)
        : base(guild)
    {
    }
}

/// <summary><c>GUILD_UPDATE</c>: a guild's settings changed.</summary>
public sealed class GuildUpdateEvent : GuildEvent
{
    internal GuildUpdateEvent(Guild guild)
        : base(guild)
    {
    }
}
