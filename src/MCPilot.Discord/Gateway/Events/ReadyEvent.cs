using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>READY</c>: a shard started a new session. Its guilds start unavailable; a <see cref="GuildCreateEvent"/> follows for each.</summary>
public sealed class ReadyEvent : GatewayEvent
{
    /// <summary>The Gateway API version.</summary>
    public int V { get; init; }

    /// <summary>The bot's user.</summary>
    public User User { get; init; } = new();

    /// <summary>The guilds of this shard, all unavailable until their <c>GUILD_CREATE</c>.</summary>
    public IReadOnlyList<UnavailableGuild> Guilds { get; init; } = [];

    /// <summary>The session's id (kept by the client for resuming).</summary>
    public string SessionId { get; init; } = "";

    /// <summary>The URL to resume the session on.</summary>
    public string ResumeGatewayUrl { get; init; } = "";

    /// <summary>The shard id and shard count the session was identified with.</summary>
    public IReadOnlyList<int>? Shard { get; init; }

    /// <summary>The application's id and flags.</summary>
    public ReadyApplication? Application { get; init; }
}
