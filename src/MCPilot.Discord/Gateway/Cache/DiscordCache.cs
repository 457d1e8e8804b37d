using System.Collections.Concurrent;
using System.Net;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;

namespace MCPilot.Discord.Gateway.Cache;

/// <summary>
/// The cache behind <see cref="IDiscordCache"/>. The event dispatcher is its only writer (plus
/// channels fetched on a miss); readers never lock. Guilds, channels and roles are immutable
/// records replaced whole, with indexes from guild to channels and roles and from channel to threads.
/// Parts missing from an event (a null role, guild or list entry) are skipped, never dereferenced.
/// </summary>
internal sealed class DiscordCache : IDiscordCache
{
    private readonly IDiscordRestClient? _rest;
    private readonly ConcurrentDictionary<ulong, CachedGuild> _guilds = new();
    private readonly ConcurrentDictionary<ulong, CachedChannel> _channels = new();
    private readonly ConcurrentDictionary<ulong, CachedRole> _roles = new();
    private readonly ConcurrentDictionary<ulong, ConcurrentDictionary<ulong, byte>> _guildChannels = new();
    private readonly ConcurrentDictionary<ulong, ConcurrentDictionary<ulong, byte>> _guildRoles = new();
    private readonly ConcurrentDictionary<ulong, ConcurrentDictionary<ulong, byte>> _threads = new();
    private long _currentUserId;

    public DiscordCache(IDiscordRestClient? rest = null) => _rest = rest;

    public ulong? CurrentUserId => Interlocked.Read(ref _currentUserId) is var id and > 0 ? (ulong)id : null;

    public IReadOnlyCollection<CachedGuild> Guilds => [.. _guilds.Values.OrderBy(g => g.Id)];

    public CachedGuild? GetGuild(ulong guildId) => _guilds.GetValueOrDefault(guildId);

    public CachedChannel? GetChannel(ulong channelId) => _channels.GetValueOrDefault(channelId);

    public IReadOnlyList<CachedChannel> GetChannels(ulong guildId) => _guildChannels.TryGetValue(guildId, out var ids)
        ? [.. ids.Keys.Select(GetChannel).OfType<CachedChannel>().OrderBy(c => c.IsThread).ThenBy(c => c.Position ?? int.MaxValue).ThenBy(c => c.Id)]
        : [];

    public IReadOnlyList<CachedChannel> GetThreads(ulong channelId) => _threads.TryGetValue(channelId, out var ids)
        ? [.. ids.Keys.Select(GetChannel).OfType<CachedChannel>().OrderBy(c => c.Id)]
        : [];

    public IReadOnlyList<CachedRole> GetRoles(ulong guildId) => _guildRoles.TryGetValue(guildId, out var ids)
        ? [.. ids.Keys.Select(id => _roles.GetValueOrDefault(id)).OfType<CachedRole>().OrderByDescending(r => r.Position).ThenBy(r => r.Id)]
        : [];

    public CachedRole? GetRole(ulong roleId) => _roles.GetValueOrDefault(roleId);

    public async ValueTask<CachedChannel?> GetOrFetchChannelAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        if (GetChannel(channelId) is { } cached)
        {
            return cached;
        }

        if (_rest is null)
        {
            return null;
        }

        try
        {
            var channel = await _rest.GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
            var fetched = CachedChannel.From(channel);
            if (fetched.GuildId is not null)
            {
                Put(fetched);
            }

            return fetched;
        }
        catch (DiscordRestException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    public async ValueTask<ulong?> GetParentChannelIdAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        var channel = await GetOrFetchChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        return channel is { IsThread: true } ? channel.ParentId : null;
    }

    /// <summary>Applies an event (called by the dispatcher before handlers see it).</summary>
    public void Apply(GatewayEvent gatewayEvent)
    {
        switch (gatewayEvent)
        {
            case MessageEvent message:
                if (message.Message is not null && GetChannel(message.Message.ChannelId) is { IsThread: true, ParentId: { } parent })
                {
                    message.ParentChannelId = parent;
                }

                break;
            case ReadyEvent ready:
                OnReady(ready);
                break;
            case GuildCreateEvent { Guild: { } created }:
                OnGuild(created, replaceChannels: true);
                break;
            case GuildUpdateEvent { Guild: { } updated }:
                OnGuild(updated, replaceChannels: false);
                break;
            case GuildDeleteEvent deleted:
                if (deleted.Unavailable)
                {
                    MarkUnavailable(deleted.Id);
                }
                else
                {
                    RemoveGuild(deleted.Id);
                }

                break;
            case GuildRoleEvent { Role: { } role } roleEvent:
                PutRole(CachedRole.From(role, roleEvent.GuildId));
                break;
            case GuildRoleDeleteEvent roleDeleted:
                RemoveRole(roleDeleted.RoleId, roleDeleted.GuildId);
                break;
            case ChannelDeleteEvent { Channel: { } deletedChannel }:
                RemoveChannel(deletedChannel.Id);
                break;
            case ThreadDeleteEvent { Channel: { } deletedThread }:
                RemoveChannel(deletedThread.Id);
                break;
            case ChannelEvent { Channel: { GuildId: not null } channel }:
                Put(CachedChannel.From(channel));
                break;
            case ThreadListSyncEvent sync:
                OnThreadListSync(sync);
                break;
        }
    }

    private void OnReady(ReadyEvent ready)
    {
        if (ready.User is { } user)
        {
            Interlocked.Exchange(ref _currentUserId, (long)user.Id);
        }

        if (ready.Guilds is null)
        {
            // Without the list, nothing can be said of which guilds are gone.
            return;
        }

        var shard = ready.Shard is [var id, var count] ? (Id: id, Count: Math.Max(1, count)) : (Id: 0, Count: 1);
        var present = ready.Guilds.OfType<UnavailableGuild>().Select(g => g.Id).ToHashSet();

        // A new session: guilds of this shard that are gone were left while no session ran (no GUILD_DELETE will come).
        foreach (var guild in _guilds.Keys)
        {
            if (ShardMath.ShardFor(guild, shard.Count) == shard.Id && !present.Contains(guild))
            {
                RemoveGuild(guild);
            }
        }

        foreach (var guild in present)
        {
            MarkUnavailable(guild);
        }
    }

    private void OnGuild(Guild guild, bool replaceChannels)
    {
        if (guild.Unavailable == true)
        {
            MarkUnavailable(guild.Id);
            return;
        }

        _guilds[guild.Id] = new CachedGuild(guild.Id, guild.Name, guild.OwnerId, false);
        if (guild.Roles?.OfType<Role>().ToList() is { } roles)
        {
            var keep = roles.Select(r => r.Id).ToHashSet();
            foreach (var stale in Index(_guildRoles, guild.Id).Keys.Where(id => !keep.Contains(id)))
            {
                RemoveRole(stale, guild.Id);
            }

            foreach (var role in roles)
            {
                PutRole(CachedRole.From(role, guild.Id));
            }
        }

        if (!replaceChannels || guild.Channels is null)
        {
            return;
        }

        var channels = guild.Channels.Concat(guild.Threads ?? []).OfType<Channel>().ToList();
        var current = channels.Select(c => c.Id).ToHashSet();
        foreach (var stale in Index(_guildChannels, guild.Id).Keys.Where(id => !current.Contains(id) && GetChannel(id) is not { Archived: true }))
        {
            RemoveChannel(stale);
        }

        foreach (var channel in channels)
        {
            Put(CachedChannel.From(channel, guild.Id));
        }
    }

    private void OnThreadListSync(ThreadListSyncEvent sync)
    {
        if (sync.Threads is null)
        {
            return;
        }

        var threads = sync.Threads.OfType<Channel>().ToList();
        var synced = threads.Select(t => t.Id).ToHashSet();
        var parents = sync.ChannelIds?.ToHashSet();
        foreach (var id in Index(_guildChannels, sync.GuildId).Keys)
        {
            if (GetChannel(id) is { IsThread: true, Archived: false } thread && !synced.Contains(id) && (parents is null || (thread.ParentId is { } p && parents.Contains(p))))
            {
                RemoveChannel(id);
            }
        }

        foreach (var thread in threads)
        {
            Put(CachedChannel.From(thread, sync.GuildId));
        }
    }

    private void MarkUnavailable(ulong guildId) =>
        _guilds.AddOrUpdate(guildId, id => new CachedGuild(id, "", null, true), (_, existing) => existing with { Unavailable = true });

    private void Put(CachedChannel channel)
    {
        if (_channels.TryGetValue(channel.Id, out var previous) && previous.ParentId is { } oldParent && oldParent != channel.ParentId)
        {
            Unindex(_threads, oldParent, channel.Id);
        }

        _channels[channel.Id] = channel;
        if (channel.GuildId is { } guild)
        {
            Index(_guildChannels, guild)[channel.Id] = 0;
        }

        if (channel.IsThread && channel.ParentId is { } parent)
        {
            Index(_threads, parent)[channel.Id] = 0;
        }
    }

    private void RemoveChannel(ulong channelId)
    {
        if (!_channels.TryRemove(channelId, out var channel))
        {
            return;
        }

        if (channel.GuildId is { } guild)
        {
            Unindex(_guildChannels, guild, channelId);
        }

        if (channel.IsThread && channel.ParentId is { } parent)
        {
            Unindex(_threads, parent, channelId);
        }

        if (_threads.TryRemove(channelId, out var threads))
        {
            foreach (var thread in threads.Keys)
            {
                RemoveChannel(thread);
            }
        }
    }

    private void PutRole(CachedRole role)
    {
        _roles[role.Id] = role;
        Index(_guildRoles, role.GuildId)[role.Id] = 0;
    }

    private void RemoveRole(ulong roleId, ulong guildId)
    {
        _roles.TryRemove(roleId, out _);
        Unindex(_guildRoles, guildId, roleId);
    }

    private void RemoveGuild(ulong guildId)
    {
        _guilds.TryRemove(guildId, out _);
        if (_guildChannels.TryRemove(guildId, out var channels))
        {
            foreach (var channel in channels.Keys)
            {
                RemoveChannel(channel);
            }
        }

        if (_guildRoles.TryRemove(guildId, out var roles))
        {
            foreach (var role in roles.Keys)
            {
                _roles.TryRemove(role, out _);
            }
        }
    }

    private static ConcurrentDictionary<ulong, byte> Index(ConcurrentDictionary<ulong, ConcurrentDictionary<ulong, byte>> index, ulong key)
        => index.GetOrAdd(key, static _ => new ConcurrentDictionary<ulong, byte>());

    private static void Unindex(ConcurrentDictionary<ulong, ConcurrentDictionary<ulong, byte>> index, ulong key, ulong value)
    {
        if (index.TryGetValue(key, out var set))
        {
            set.TryRemove(value, out _);
        }
    }
}
