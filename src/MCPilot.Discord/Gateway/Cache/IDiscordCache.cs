namespace MCPilot.Discord.Gateway.Cache;

/// <summary>
/// A compact picture of the guilds, channels (with the thread/parent relation) and roles the
/// bot can see, fed by Gateway events before they reach any handler: a handler of an event
/// already sees the cache updated by it. Reads are lock-free and safe from any thread.
/// </summary>
public interface IDiscordCache
{
    /// <summary>The bot's user id, once a shard is ready.</summary>
    ulong? CurrentUserId { get; }

    /// <summary>Every guild the bot is in (on the shards this host runs).</summary>
    IReadOnlyCollection<CachedGuild> Guilds { get; }

    /// <summary>A guild, or null.</summary>
    CachedGuild? GetGuild(ulong guildId);

    /// <summary>A channel or thread, or null when the cache has not seen it.</summary>
    CachedChannel? GetChannel(ulong channelId);

    /// <summary>A guild's channels and active threads, by position then id.</summary>
    IReadOnlyList<CachedChannel> GetChannels(ulong guildId);

    /// <summary>The known threads of a channel.</summary>
    IReadOnlyList<CachedChannel> GetThreads(ulong channelId);

    /// <summary>A guild's roles, most senior first.</summary>
    IReadOnlyList<CachedRole> GetRoles(ulong guildId);

    /// <summary>A role, or null.</summary>
    CachedRole? GetRole(ulong roleId);

    /// <summary>
    /// A channel or thread, from the cache or else fetched with <c>GET /channels/{id}</c> and
    /// kept; null when Discord does not know it or the bot may not see it.
    /// </summary>
    ValueTask<CachedChannel?> GetOrFetchChannelAsync(ulong channelId, CancellationToken cancellationToken = default);

    /// <summary>
    /// For a thread, its parent channel's id; for any other channel, null. Unknown channels are
    /// fetched once (<see cref="GetOrFetchChannelAsync"/>).
    /// </summary>
    ValueTask<ulong?> GetParentChannelIdAsync(ulong channelId, CancellationToken cancellationToken = default);
}
