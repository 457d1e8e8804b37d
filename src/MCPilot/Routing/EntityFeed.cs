using MCPilot.Diagnostics;

namespace MCPilot.Routing;

/// <summary>
/// An entity's bounded feed: a ring of the newest <see cref="Capacity"/> messages, in memory. When it
/// is full the oldest message is dropped and counted (<c>mcpilot.feed.dropped</c>). It keeps two read
/// cursors: one for every message, one for mentions (see <see cref="IEntityFeed.Read"/>). With feed
/// persistence on, every change (a message added, a cursor moved) is reported to <see cref="FeedWriter"/>,
/// which writes the feed in the background; <see cref="Restore"/> puts a stored feed back at start.
/// </summary>
internal sealed class EntityFeed : IEntityFeed
{
    private static readonly System.Diagnostics.Metrics.Counter<long> DroppedCounter =
        MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.feed.dropped", "{message}", "Messages dropped from entity feeds because they were full.");

    private readonly FeedMessage?[] _ring;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Action<EntityFeed>? _changed;
    private int _start;
    private int _count;
    private long _nextSequence = 1;
    private long _readCursor;
    private long _mentionCursor;
    private long _dropped;
    private TaskCompletionSource _arrived = NewSignal();

    /// <param name="entityId">The entity.</param>
    /// <param name="capacity">How many messages it holds at most.</param>
    /// <param name="time">The clock of <see cref="WaitAsync"/>.</param>
    /// <param name="kind">Which of the entity's feeds it is.</param>
    /// <param name="changed">Called (outside the feed's lock, on the caller's thread) after a message was added or a cursor moved; <see langword="null"/> when nothing persists.</param>
    public EntityFeed(EntityId entityId, int capacity, TimeProvider time, FeedKind kind = FeedKind.Channels, Action<EntityFeed>? changed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        EntityId = entityId;
        Kind = kind;
        _ring = new FeedMessage?[capacity];
        _time = time;
        _changed = changed;
    }

    public EntityId EntityId { get; }

    /// <summary>Which of the entity's feeds it is.</summary>
    public FeedKind Kind { get; }

    public int Capacity => _ring.Length;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public int UnreadCount
    {
        get
        {
            lock (_gate)
            {
                return CountAfter(_readCursor, mentionsOnly: false);
            }
        }
    }

    public int UnreadMentionCount
    {
        get
        {
            lock (_gate)
            {
                return CountAfter(_mentionCursor, mentionsOnly: true);
            }
        }
    }

    public event Action<FeedMessage>? MessageAdded;

    /// <summary>Appends a message, dropping the oldest when full.</summary>
    public FeedMessage Add(InboundMessage message, FeedMentionKind mention, EntityId? fromEntity)
    {
        FeedMessage item;
        TaskCompletionSource signal;
        lock (_gate)
        {
            item = new FeedMessage(_nextSequence++, message, mention, fromEntity);
            if (_count == _ring.Length)
            {
                _ring[_start] = item;
                _start = (_start + 1) % _ring.Length;
                _dropped++;
                DroppedCounter.Add(1);
            }
            else
            {
                _ring[(_start + _count) % _ring.Length] = item;
                _count++;
            }

            signal = _arrived;
            _arrived = NewSignal();
        }

        signal.TrySetResult();
        _changed?.Invoke(this);
        MessageAdded?.Invoke(item);
        return item;
    }

    public FeedPage Read(long? afterSequence = null, int limit = 50, bool mentionsOnly = false, bool markRead = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        FeedPage result;
        var moved = false;
        lock (_gate)
        {
            var after = afterSequence ?? (mentionsOnly ? _mentionCursor : _readCursor);
            var page = new List<FeedMessage>(Math.Min(limit, _count));
            var last = after;
            for (var i = 0; i < _count && page.Count < limit; i++)
            {
                var item = _ring[(_start + i) % _ring.Length]!;
                if (item.Sequence <= after)
                {
                    continue;
                }

                last = item.Sequence;
                if (!mentionsOnly || item.IsMention)
                {
                    page.Add(item);
                }
            }

            if (markRead)
            {
                if (!mentionsOnly && last > _readCursor)
                {
                    _readCursor = last;
                    moved = true;
                }

                if (last > _mentionCursor)
                {
                    _mentionCursor = last;
                    moved = true;
                }
            }

            result = new FeedPage(page, _dropped, _nextSequence - 1);
        }

        if (moved)
        {
            _changed?.Invoke(this);
        }

        return result;
    }

    /// <summary>
    /// The feed as a store keeps it: its state, and the messages it holds after
    /// <paramref name="afterSequence"/> (the ones not written yet), oldest first.
    /// </summary>
    public FeedSnapshot Snapshot(long afterSequence)
    {
        lock (_gate)
        {
            var messages = new List<FeedMessage>();
            for (var i = 0; i < _count; i++)
            {
                var item = _ring[(_start + i) % _ring.Length]!;
                if (item.Sequence > afterSequence)
                {
                    messages.Add(item);
                }
            }

            return new FeedSnapshot
            {
                EntityId = EntityId,
                Kind = Kind,
                Capacity = _ring.Length,
                LastSequence = _nextSequence - 1,
                ReadCursor = _readCursor,
                MentionCursor = _mentionCursor,
                Dropped = _dropped,
                Messages = messages,
            };
        }
    }

    /// <summary>
    /// Puts a stored feed back: its newest messages (as many as fit), cursors, sequence and dropped
    /// count. Only a feed that has held no message yet is restored (at start nothing has been routed).
    /// </summary>
    /// <returns><see langword="false"/> when the feed already held messages and was left as it is.</returns>
    public bool Restore(FeedSnapshot stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_gate)
        {
            if (_nextSequence != 1)
            {
                return false;
            }

            var messages = stored.Messages.Count > _ring.Length ? stored.Messages.Skip(stored.Messages.Count - _ring.Length) : stored.Messages;
            _start = 0;
            _count = 0;
            foreach (var message in messages)
            {
                _ring[_count++] = message;
            }

            var newest = _count > 0 ? _ring[_count - 1]!.Sequence : 0;
            _nextSequence = Math.Max(Math.Max(stored.LastSequence, newest), Math.Max(stored.ReadCursor, stored.MentionCursor)) + 1;
            _readCursor = stored.ReadCursor;
            _mentionCursor = stored.MentionCursor;
            _dropped = stored.Dropped;
            return true;
        }
    }

    public async ValueTask<bool> WaitAsync(TimeSpan timeout, bool mentionsOnly = false, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (CountAfter(mentionsOnly ? _mentionCursor : _readCursor, mentionsOnly) > 0)
                {
                    return true;
                }

                signal = _arrived.Task;
            }

            try
            {
                await signal.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private int CountAfter(long sequence, bool mentionsOnly)
    {
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            var item = _ring[(_start + i) % _ring.Length]!;
            if (item.Sequence > sequence && (!mentionsOnly || item.IsMention))
            {
                n++;
            }
        }

        return n;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
