namespace MCPilot.Discord.RateLimiting;

/// <summary>
/// One rate-limit bucket for one major parameter (a channel, guild or webhook): a FIFO queue so
/// that requests go out one at a time in order, and what Discord's headers last said about it.
/// </summary>
internal sealed class RateLimitBucket(string id)
{
    private readonly Lock _gate = new();
    private int? _limit;
    private int _remaining = 1;
    private long _resetAt;

    /// <summary>The bucket's id: Discord's bucket hash (or the route while unknown) and the major parameter.</summary>
    public string Id { get; } = id;

    /// <summary>The queue requests of this bucket wait in.</summary>
    public AsyncFifoLock Queue { get; } = new();

    /// <summary>When the bucket was last used (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastUsed { get; private set; }

    /// <summary>
    /// How long to wait before the next request may go, and takes its slot when it may go now.
    /// </summary>
    public TimeSpan Reserve(TimeProvider time)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            LastUsed = now;
            if (_remaining <= 0)
            {
                if (_resetAt > now)
                {
                    return time.GetElapsedTime(now, _resetAt);
                }

                _remaining = _limit ?? 1;
            }

            _remaining--;
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Applies a response's headers. <paramref name="successful"/> says whether it was a 2xx
    /// answer: only Discord's own answer to a request shows that a route has no limit.
    /// </summary>
    public void Update(RateLimitHeaders headers, bool successful, TimeProvider time)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (headers.Limit is { } limit)
            {
                _limit = limit;
            }

            if (headers.Remaining is { } remaining)
            {
                _remaining = remaining;
                if (headers.ResetAfter is { } after)
                {
                    _resetAt = now + ToTicks(after, time);
                }
            }
            else if (headers.Limit is null && successful)
            {
                // A route answered without limit headers: nothing to wait for. An error without
                // them (a proxy's 5xx page, a global 429) says nothing about the bucket, so what
                // was learned stays.
                _remaining = int.MaxValue;
                _limit = null;
            }
        }
    }

    /// <summary>Holds the bucket for <paramref name="wait"/> after a 429.</summary>
    public void Block(TimeSpan wait, TimeProvider time)
    {
        lock (_gate)
        {
            var until = time.GetTimestamp() + ToTicks(wait, time);
            _remaining = 0;
            _resetAt = Math.Max(_resetAt, until);
        }
    }

    /// <summary>Whether the bucket is idle and its limit reset, so dropping it loses nothing.</summary>
    public bool IsExpired(TimeProvider time, TimeSpan idleFor)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            return _resetAt <= now && time.GetElapsedTime(LastUsed, now) >= idleFor && Queue.IsIdle;
        }
    }

    private static long ToTicks(TimeSpan span, TimeProvider time) => (long)(span.TotalSeconds * time.TimestampFrequency);
}
