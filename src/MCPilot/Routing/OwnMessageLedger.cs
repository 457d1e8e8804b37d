using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MCPilot.Entities;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Which messages entities posted. Entities post through a channel webhook that they share, so the
/// webhook id alone does not say which entity spoke: the ledger remembers each posted message id
/// (bounded, oldest forgotten first), and the messages announced just before posting (by channel
/// and content), to attribute a Gateway echo that arrives before the post's id is known.
/// </summary>
internal sealed class OwnMessageLedger
{
    private readonly ConcurrentDictionary<ulong, EntityId> _byMessage = new();
    private readonly ConcurrentQueue<ulong> _order = new();
    private readonly ConcurrentDictionary<ulong, List<Expected>> _expected = new();
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly TimeProvider _time;

    public OwnMessageLedger(IOptionsMonitor<EntityOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Remembers that <paramref name="entityId"/> posted <paramref name="messageId"/>.</summary>
    public void Record(EntityId entityId, ulong messageId)
    {
        if (_byMessage.TryAdd(messageId, entityId))
        {
            _order.Enqueue(messageId);
            while (_order.Count > _options.CurrentValue.OwnMessageMemory && _order.TryDequeue(out var oldest))
            {
                _byMessage.TryRemove(oldest, out _);
            }
        }
    }

    /// <summary>Announces a message an entity is about to post in a channel.</summary>
    public void Expect(EntityId entityId, ulong channelId, string content)
    {
        var entry = new Expected(entityId, Hash(content), _time.GetUtcNow() + _options.CurrentValue.ExpectedMessageLifetime);
        var list = _expected.GetOrAdd(channelId, _ => []);
        lock (list)
        {
            list.RemoveAll(e => e.ExpiresAt <= _time.GetUtcNow());
            list.Add(entry);
        }
    }

    /// <summary>The entity that posted a message, if one did.</summary>
    public EntityId? OwnerOf(ulong messageId) => _byMessage.TryGetValue(messageId, out var id) ? id : null;

    /// <summary>Attributes an inbound message to the entity that posted it, if any (and remembers it).</summary>
    public EntityId? Attribute(InboundMessage message)
    {
        if (OwnerOf(message.MessageId) is { } known)
        {
            return known;
        }

        if (message.WebhookId is null || !_expected.TryGetValue(message.ChannelId, out var list))
        {
            return null;
        }

        var hash = Hash(message.Content);
        lock (list)
        {
            var now = _time.GetUtcNow();
            list.RemoveAll(e => e.ExpiresAt <= now);
            var index = list.FindIndex(e => e.ContentHash.AsSpan().SequenceEqual(hash));
            if (index < 0)
            {
                return null;
            }

            var owner = list[index].EntityId;
            list.RemoveAt(index);
            Record(owner, message.MessageId);
            return owner;
        }
    }

    // Discord may split long content; each piece is announced separately by the sender.
    private static byte[] Hash(string content) => SHA256.HashData(Encoding.UTF8.GetBytes(content.Trim()));

    private sealed record Expected(EntityId EntityId, byte[] ContentHash, DateTimeOffset ExpiresAt);
}
