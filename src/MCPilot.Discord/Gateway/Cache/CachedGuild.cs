namespace MCPilot.Discord.Gateway.Cache;

/// <summary>What the cache keeps of a guild.</summary>
/// <param name="Id">The guild's id.</param>
/// <param name="Name">The guild's name (empty while it has never been available).</param>
/// <param name="OwnerId">The owner's user id.</param>
/// <param name="Unavailable">Whether the guild is unavailable (before its GUILD_CREATE, or during an outage).</param>
public sealed record CachedGuild(ulong Id, string Name, ulong? OwnerId, bool Unavailable);
