using MCPilot.Diagnostics;

namespace MCPilot.Routing;

/// <summary>
/// An entity's bounded feed: a ring of the newest <see cref="Capacity"/> messages, in memory only.
/// When it is full the oldest message is dropped and counted (<c>mcpilot.feed.dropped</c>). It keeps
/// two read cursors: one for every message, one for mentions (see <see cref="IEntityFeed.Read"/>).
/// </summary>
internal sealed class EntityFeed : IEntityFeed
{
    private static readonly System.Diagnostics.Metrics.Counter<long> DroppedCounter =
        MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.feed.dropped", "{message}", "Messages dropped from entity feeds because they were full.");

    private readonly FeedMessage?[] _ring;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _start;
    private int _count;
    private long _nextSequence = 1;
    private long _readCursor;
    private long _mentionCursor;
    private long _dropped;
    private TaskCompletionSource _arrived = NewSignal();

    public EntityFeed(EntityId entityId, int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        EntityId = entityId;
        _ring = new FeedMessage?[capacity];
        _time = time;
    }

    public EntityId EntityId { get; }

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
        MessageAdded?.Invoke(item);
        return item;
    }

    public FeedPage Read(long? afterSequence = null, int limit = 50, bool mentionsOnly = false, bool markRead = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
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
                }

                if (last > _mentionCursor)
                {
                    _mentionCursor = last;
                }
            }

            return new FeedPage(page, _dropped, _nextSequence - 1);
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
