using System.Threading.RateLimiting;

namespace MCPilot.Entities;

/// <summary>
/// A token bucket as a <see cref="RateLimiter"/> whose clock is a <see cref="TimeProvider"/>.
/// (<see cref="TokenBucketRateLimiter"/> refills from the system stopwatch even when replenished by
/// hand, so tests could not move its time.) Tokens refill continuously at one per
/// <c>tokenInterval</c> up to <c>tokenLimit</c>; a refused lease carries
/// <see cref="MetadataName.RetryAfter"/>: the exact time until enough tokens are back. No queueing.
/// </summary>
internal sealed class TimeProviderTokenBucket : RateLimiter
{
    private readonly int _tokenLimit;
    private readonly TimeSpan _tokenInterval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;
    private long _successful;
    private long _failed;

    public TimeProviderTokenBucket(int tokenLimit, TimeSpan tokenInterval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokenInterval, TimeSpan.Zero);
        _tokenLimit = tokenLimit;
        _tokenInterval = tokenInterval;
        _time = time;
        _tokens = tokenLimit;
        _lastRefill = time.GetTimestamp();
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens >= _tokenLimit ? TimeSpan.Zero : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)_tokens,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        if (permitCount > _tokenLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"At most {_tokenLimit} permits can be acquired at once.");
        }

        lock (_gate)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                _successful++;
                return Lease.Acquired;
            }

            _failed++;
            var missing = permitCount - _tokens;
            return new Lease(TimeSpan.FromTicks((long)Math.Ceiling(missing * _tokenInterval.Ticks)));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = Math.Min(_tokenLimit, _tokens + (elapsed.Ticks / (double)_tokenInterval.Ticks));
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static Lease Acquired { get; } = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
