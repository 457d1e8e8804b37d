namespace MCPilot.Discord.RateLimiting;

/// <summary>
/// The bot-wide limit (Discord's default: 50 requests per second). Each request holds a slot
/// from when it is sent until one window (1 s + margin) after its answer arrived: Discord counted
/// it at some moment before that answer, so no window of Discord's can see more than the limit,
/// whatever the network delays and Discord's window alignment. A global 429 blocks every request
/// until its retry_after passes.
/// </summary>
internal sealed class GlobalRateLimiter(int requestsPerSecond, TimeSpan margin, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Lease> _slots = new();
    private readonly long _window = (long)((1 + margin.TotalSeconds) * time.TimestampFrequency);
    private long _blockedUntil;

    /// <summary>Completed (and replaced) whenever any request in flight answers, waking every waiter to look again.</summary>
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits for a slot; dispose the lease once the answer arrived (or the attempt failed).</summary>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (lease, delay, inFlight) = TryTake();
            if (lease is not null)
            {
                return lease;
            }

            if (inFlight is not null)
            {
                await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How long a global 429 still blocks every request (zero when none does).</summary>
    public TimeSpan BlockedFor
    {
        get
        {
            lock (_gate)
            {
                var now = time.GetTimestamp();
                return _blockedUntil > now ? time.GetElapsedTime(now, _blockedUntil) : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Blocks every request for <paramref name="wait"/> (a global 429).</summary>
    public void Block(TimeSpan wait)
    {
        lock (_gate)
        {
            _blockedUntil = Math.Max(_blockedUntil, time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency));
        }
    }

    private (Lease? Lease, TimeSpan Delay, Task? InFlight) TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_blockedUntil > now)
            {
                return (null, time.GetElapsedTime(now, _blockedUntil), null);
            }

            for (var node = _slots.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.CompletedAt is { } done && now - done >= _window)
                {
                    _slots.Remove(node);
                }

                node = next;
            }

            if (_slots.Count < requestsPerSecond)
            {
                var lease = new Lease(this);
                _slots.AddLast(lease);
                return (lease, TimeSpan.Zero, null);
            }

            // Full: wait for the slot that frees first or, while every slot is in flight, for
            // whichever of them answers first (its window then starts).
            var earliest = _slots.Where(s => s.CompletedAt is not null).Select(s => s.CompletedAt!.Value).DefaultIfEmpty(long.MaxValue).Min();
            return earliest != long.MaxValue
                ? (null, time.GetElapsedTime(now, earliest + _window), null)
                : (null, TimeSpan.Zero, _answered.Task);
        }
    }

    private void Complete(Lease lease)
    {
        TaskCompletionSource answered;
        lock (_gate)
        {
            if (lease.CompletedAt is not null)
            {
                return;
            }

            lease.CompletedAt = time.GetTimestamp();
            answered = _answered;
            _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        answered.TrySetResult();
    }

    private sealed class Lease(GlobalRateLimiter owner) : IDisposable
    {
        public long? CompletedAt { get; set; }

        public void Dispose() => owner.Complete(this);
    }
}
