using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Cache;

/// <summary>What the cache keeps of a channel or thread.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="GuildId">Its guild (null for a DM).</param>
/// <param name="Type">Its type.</param>
/// <param name="Name">Its name (null for a DM).</param>
/// <param name="ParentId">For a thread, the channel it lives in; for a channel, its category.</param>
/// <param name="Position">Its sorting position (channels only).</param>
/// <param name="Archived">Whether a thread is archived.</param>
/// <param name="Locked">Whether a thread is locked.</param>
public sealed record CachedChannel(ulong Id, ulong? GuildId, ChannelType Type, string? Name, ulong? ParentId, int? Position, bool Archived, bool Locked)
{
    /// <summary>Whether it is a thread (then <see cref="ParentId"/> is its channel).</summary>
    public bool IsThread => Type.IsThread();

    /// <summary>The channel whose policy applies: the parent for a thread, else the channel itself.</summary>
    public ulong PolicyChannelId => IsThread && ParentId is { } parent ? parent : Id;

    internal static CachedChannel From(Channel channel, ulong? guildId = null) => new(
        channel.Id,
        channel.GuildId ?? guildId,
        channel.Type,
        channel.Name,
        channel.ParentId,
        channel.Position,
        channel.ThreadMetadata?.Archived ?? false,
        channel.ThreadMetadata?.Locked ?? false);
}
