using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;

namespace MCPilot.Discord.Caching;

/// <summary>
/// The channels, threads and DM channels MCPilot has looked up, by id: each is fetched through REST
/// (<c>GET /channels/{id}</c>) the first time and kept, so that a thread's parent, a channel's guild
/// and its type are known without another request. Concurrent first lookups share one request; a
/// failed lookup is not kept. Listings refresh it with <see cref="Set"/>; Gateway channel and thread
/// events are to feed <see cref="Set"/> and <see cref="Remove"/>. The webhook identity engine, the entity router and the entity tools share
/// this one cache (<c>AddDiscordRest()</c> registers it).
/// </summary>
public sealed class DiscordChannelCache
{
    private readonly IDiscordRestClient _discord;
    private readonly AsyncLookupCache<Channel> _channels = new();

    /// <summary>Creates the cache over <paramref name="discord"/>.</summary>
    public DiscordChannelCache(IDiscordRestClient discord)
    {
        ArgumentNullException.ThrowIfNull(discord);
        _discord = discord;
    }

    /// <summary>How many channels are held.</summary>
    public int Count => _channels.Count;

    /// <summary>The channel, thread or DM channel with <paramref name="channelId"/>, from the cache or from Discord.</summary>
    /// <exception cref="DiscordRestException">Discord does not know the channel (10003) or the bot cannot see it (50001).</exception>
    public Task<Channel> GetAsync(ulong channelId, CancellationToken cancellationToken = default) =>
        _channels.GetAsync(channelId, id => _discord.GetChannelAsync(id, CancellationToken.None), cancellationToken);

    /// <summary>The channel when it is held, without a request.</summary>
    public bool TryGet(ulong channelId, out Channel channel) => _channels.TryGet(channelId, out channel);

    /// <summary>Stores (or replaces) a channel seen in a listing or a Gateway event.</summary>
    public void Set(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _channels.Set(channel.Id, channel);
    }

    /// <summary>Forgets a channel (deleted, or changed in a way the next lookup should see).</summary>
    public void Remove(ulong channelId) => _channels.Remove(channelId);
}
