using System.Collections.Concurrent;
using MCPilot.Discord.Rest;

namespace MCPilot.Discord.RateLimiting;

/// <summary>
/// Discord's rate limits, modelled on discord.js's REST manager: each route (method + path with
/// its major parameter) maps to a bucket hash learned from <c>X-RateLimit-Bucket</c>; requests
/// of one bucket and major parameter queue FIFO and go one at a time, waiting for the reset when
/// the bucket is empty; every request (interaction callbacks excepted) also passes the global limit.
/// </summary>
internal sealed class DiscordRateLimiter(GlobalRateLimiter global, TimeProvider time)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep = time.GetTimestamp();

    /// <summary>The global limiter.</summary>
    public GlobalRateLimiter Global { get; } = global;

    /// <summary>How many buckets are tracked.</summary>
    public int BucketCount => _buckets.Count;

    /// <summary>The bucket a request on <paramref name="route"/> queues in.</summary>
    public RateLimitBucket GetBucket(DiscordRoute route)
    {
        SweepIfDue();
        var provisional = "route:" + route.BucketRoute + "|" + route.MajorParameter;
        if (!_hashes.TryGetValue(route.BucketRoute, out var hash))
        {
            return _buckets.GetOrAdd(provisional, static key => new RateLimitBucket(key));
        }

        var id = hash + "|" + route.MajorParameter;
        if (_buckets.TryGetValue(id, out var bucket))
        {
            return bucket;
        }

        // The route's hash may have been learned from another major parameter (another channel)
        // while requests for this one still queue in its provisional bucket: join that queue, or
        // two queues would send side by side and overrun the limit.
        return _buckets.TryGetValue(provisional, out var queued)
            ? _buckets.GetOrAdd(id, queued)
            : _buckets.GetOrAdd(id, static key => new RateLimitBucket(key));
    }

    /// <summary>
    /// Waits until a request may go: the bucket's remaining count, then the global limit. Dispose
    /// the result once the answer arrived (null for routes outside the global limit).
    /// </summary>
    public async ValueTask<IDisposable?> WaitAsync(RateLimitBucket bucket, DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = bucket.Reserve(time);
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        return route.GlobalExempt ? null : await Global.AcquireAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies a response's headers (<paramref name="successful"/>: a 2xx answer) and learns the route's bucket hash.</summary>
    public void Update(RateLimitBucket bucket, DiscordRoute route, RateLimitHeaders headers, bool successful)
    {
        if (headers.Bucket is { Length: > 0 } hash)
        {
            _hashes[route.BucketRoute] = hash;

            // Requests still queued under the route's provisional bucket and new requests under the
            // learned hash must share one queue, or they would run side by side and overrun the limit.
            _buckets.TryAdd(hash + "|" + route.MajorParameter, bucket);
        }

        bucket.Update(headers, successful, time);
    }

    /// <summary>Applies a 429 by its scope: global blocks everything, user and shared block the bucket.</summary>
    public void OnRateLimited(RateLimitBucket bucket, RateLimitScope scope, TimeSpan retryAfter)
    {
        if (scope == RateLimitScope.Global)
        {
            Global.Block(retryAfter);
        }
        else
        {
            bucket.Block(retryAfter, time);
        }
    }

    private void SweepIfDue()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < SweepEvery || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsExpired(time, IdleBucketLifetime))
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }
    }
}
