using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using MCPilot.Activity;
using MCPilot.Diagnostics;
using MCPilot.Tools;

namespace MCPilot.Entities;

/// <summary>
/// One token bucket (a System.Threading.RateLimiting <see cref="RateLimiter"/>, <see cref="TimeProviderTokenBucket"/>) per entity for sends, sized from the
/// entity's <see cref="EntityRateLimits"/>: <see cref="EntityRateLimits.Burst"/> tokens, one
/// back every minute / <see cref="EntityRateLimits.SendsPerMinute"/>. Refill follows
/// <see cref="TimeProvider"/>, so tests can advance time; a changed limit takes effect at once.
/// </summary>
internal sealed class EntitySendLimiters
{
    private static readonly System.Diagnostics.Metrics.Counter<long> Limited =
        MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.entity.sends_limited", "{call}", "Entity sends refused by the entity's rate limit.");

    private readonly ConcurrentDictionary<EntityId, Bucket> _buckets = new();
    private readonly TimeProvider _time;

    public EntitySendLimiters(TimeProvider time, EntityDirectory directory)
    {
        _time = time;
        directory.Removed += id =>
        {
            if (_buckets.TryRemove(id, out var bucket))
            {
                bucket.Dispose();
            }
        };
    }

    /// <summary>Takes <paramref name="count"/> tokens, or throws a rate-limited tool error that says when to retry.</summary>
    public void Acquire(Entity entity, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var limits = entity.RateLimits;
        if (count > limits.Burst)
        {
            throw EntityToolException.InvalidArguments(string.Create(CultureInfo.InvariantCulture,
                $"This call needs {count} sends, more than {entity.Name}'s burst limit of {limits.Burst}. Split it into smaller calls."));
        }

        var bucket = _buckets.AddOrUpdate(
            entity.Id,
            static (_, state) => new Bucket(state.limits, state.time),
            static (_, existing, state) => existing.Limits == state.limits ? existing : Replace(existing, state.limits, state.time),
            (limits, time: _time));
        var retryAfter = bucket.TryAcquire(count);
        if (retryAfter is { } wait)
        {
            Limited.Add(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var at = _time.GetUtcNow() + wait;
            throw new EntityToolException(ToolCallOutcome.RateLimited, string.Create(CultureInfo.InvariantCulture,
                $"Rate limited: {entity.Name} may send {limits.SendsPerMinute} messages a minute (bursts of {limits.Burst}). Retry in {seconds} s (after {at:HH:mm:ss} UTC)."), wait);
        }
    }

    private static Bucket Replace(Bucket old, EntityRateLimits limits, TimeProvider time)
    {
        old.Dispose();
        return new Bucket(limits, time);
    }

    private sealed class Bucket(EntityRateLimits limits, TimeProvider time) : IDisposable
    {
        private readonly TimeProviderTokenBucket _limiter = new(limits.Burst, TimeSpan.FromTicks(TimeSpan.TicksPerMinute / limits.SendsPerMinute), time);

        public EntityRateLimits Limits { get; } = limits;

        /// <summary>Takes tokens; returns <see langword="null"/> on success, else how long until enough are back.</summary>
        public TimeSpan? TryAcquire(int count)
        {
            using var lease = _limiter.AttemptAcquire(count);
            return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        }

        public void Dispose() => _limiter.Dispose();
    }
}
