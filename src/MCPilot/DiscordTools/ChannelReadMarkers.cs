using System.Collections.Concurrent;
using MCPilot.Entities;

namespace MCPilot.DiscordTools;

/// <summary>
/// How far each entity has read each channel with <c>read_messages</c>: the newest message id it
/// was shown there, so that "since my last read" fetches only what came after. In memory (a
/// restart starts over with the newest messages); an entity's markers go when it is deleted.
/// </summary>
internal sealed class ChannelReadMarkers
{
    private readonly ConcurrentDictionary<(EntityId Entity, ulong Channel), ulong> _markers = new();

    public ChannelReadMarkers(EntityDirectory directory)
    {
        directory.Removed += id =>
        {
            foreach (var key in _markers.Keys.Where(k => k.Entity == id))
            {
                _markers.TryRemove(key, out _);
            }
        };
    }

    /// <summary>The newest message id the entity was shown in the channel, if any.</summary>
    public ulong? Get(EntityId entityId, ulong channelId) => _markers.TryGetValue((entityId, channelId), out var id) ? id : null;

    /// <summary>Moves the marker forward to <paramref name="messageId"/> (never back).</summary>
    public void Advance(EntityId entityId, ulong channelId, ulong messageId) =>
        _markers.AddOrUpdate((entityId, channelId), messageId, (_, current) => Math.Max(current, messageId));
}
