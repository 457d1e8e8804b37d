using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MCPilot.Activity;
using MCPilot.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Which messages entities sent: the one place the router, the tools and provenance ask. Entities
/// post through a channel webhook they share, so the webhook id alone does not say which entity
/// spoke. The durable record is <see cref="ISentMessageStore"/> (it survives restarts, so a reply to
/// last week's message still reaches its entity); the ledger keeps the newest ids in memory
/// (bounded, oldest forgotten first) in front of it, and the messages announced just before posting
/// (by channel and content), to attribute a Gateway echo that arrives before the post's id is known.
/// Recording a guild message also counts it for the entity's leaderboard (<see cref="IMessageCounterStore"/>).
/// </summary>
internal sealed partial class OwnMessageLedger
{
    private readonly ConcurrentDictionary<ulong, EntityId> _byMessage = new();
    private readonly ConcurrentQueue<ulong> _order = new();
    private readonly ConcurrentDictionary<ulong, List<Expected>> _expected = new();
    private readonly ISentMessageStore _store;
    private readonly IMessageCounterStore _counters;
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public OwnMessageLedger(ISentMessageStore store, IMessageCounterStore counters, IOptionsMonitor<EntityOptions> options, TimeProvider time, ILogger<OwnMessageLedger> logger)
    {
        _store = store;
        _counters = counters;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Records that an entity sent a message: in memory at once, then durably, and for a guild
    /// message one more on the entity's counter for the guild and day. Store failures are logged,
    /// not thrown: the message was already posted (a caller that reported failure would invite a
    /// duplicate), and the memory still knows it. The writes are not cancelled with the caller.
    /// </summary>
    public async ValueTask RecordAsync(SentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Remember(message.EntityId, message.MessageId);
        try
        {
            await _store.RecordAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRecordFailed(_logger, message.MessageId, message.EntityId.ToString(), e);
        }

        if (message.GuildId is { } guild)
        {
            try
            {
                await _counters.IncrementAsync(message.EntityId, guild, DateOnly.FromDateTime(message.At.UtcDateTime), 1, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogCountFailed(_logger, message.EntityId.ToString(), e);
            }
        }
    }

    /// <summary>Announces a message an entity is about to post in a channel (each part of a split message separately).</summary>
    public void Expect(EntityId entityId, ulong channelId, string content)
    {
        var now = _time.GetUtcNow();
        var entry = new Expected(entityId, Hash(content), now + _options.CurrentValue.ExpectedMessageLifetime);
        var list = _expected.GetOrAdd(channelId, _ => []);
        lock (list)
        {
            list.RemoveAll(e => e.ExpiresAt <= now);
            list.Add(entry);
        }
    }

    /// <summary>The entity that sent a message, if one did: from memory, else from the store.</summary>
    public async ValueTask<EntityId?> OwnerOfAsync(ulong messageId, CancellationToken cancellationToken = default)
    {
        if (_byMessage.TryGetValue(messageId, out var known))
        {
            return known;
        }

        SentMessage? stored;
        try
        {
            stored = await _store.FindAsync(messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLookupFailed(_logger, messageId, e);
            return null;
        }

        if (stored is null)
        {
            return null;
        }

        Remember(stored.EntityId, messageId);
        return stored.EntityId;
    }

    /// <summary>
    /// Attributes an inbound message to the entity that sent it, if any: a known id, else (for a
    /// webhook message) an announced post with the same content in that channel, else the store.
    /// </summary>
    public async ValueTask<EntityId?> AttributeAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        if (_byMessage.TryGetValue(message.MessageId, out var known))
        {
            return known;
        }

        if (message.WebhookId is null)
        {
            return null;
        }

        if (_expected.TryGetValue(message.ChannelId, out var list))
        {
            var hash = Hash(message.Content);
            lock (list)
            {
                var now = _time.GetUtcNow();
                list.RemoveAll(e => e.ExpiresAt <= now);
                var index = list.FindIndex(e => e.ContentHash.AsSpan().SequenceEqual(hash));
                if (index >= 0)
                {
                    var owner = list[index].EntityId;
                    list.RemoveAt(index);
                    Remember(owner, message.MessageId);
                    return owner;
                }
            }
        }

        return await OwnerOfAsync(message.MessageId, cancellationToken).ConfigureAwait(false);
    }

    private void Remember(EntityId entityId, ulong messageId)
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

    // Discord may trim content; each part of a split message is announced separately by the sender.
    private static byte[] Hash(string content) => SHA256.HashData(Encoding.UTF8.GetBytes(content.Trim()));

    [LoggerMessage(1, LogLevel.Warning, "Could not store that entity {EntityId} sent message {MessageId}; replies to it are attributed only until this host restarts.")]
    private static partial void LogRecordFailed(ILogger logger, ulong messageId, string entityId, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Could not count a message of entity {EntityId} for the leaderboard.")]
    private static partial void LogCountFailed(ILogger logger, string entityId, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Could not look up which entity sent message {MessageId}; treating it as no entity's.")]
    private static partial void LogLookupFailed(ILogger logger, ulong messageId, Exception exception);

    private sealed record Expected(EntityId EntityId, byte[] ContentHash, DateTimeOffset ExpiresAt);
}
