using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// Paces identifies across this process's shards (events/gateway#sharding-max-concurrency): at
/// most one per rate-limit key (<c>shard_id % max_concurrency</c>) every 5 seconds, counted from
/// when the previous identify of that key was really let go (a shard whose Hello came late does
/// not squeeze the next one), so that up to <c>max_concurrency</c> shards start together and, at
/// start, the buckets go in shard order; and never past the session start limit, waiting for its
/// reset instead (at 0, Discord resets the token).
/// </summary>
internal sealed class IdentifyScheduler
{
    /// <summary>Discord's identify window per rate-limit key.</summary>
    public static readonly TimeSpan DefaultSpacing = TimeSpan.FromSeconds(5);

    /// <summary>When Discord did not say when the budget resets: its documented period.</summary>
    private static readonly TimeSpan BudgetPeriod = TimeSpan.FromHours(24);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _spacing;
    private readonly Dictionary<int, DateTimeOffset> _plannedByKey = [];
    private readonly Dictionary<int, DateTimeOffset> _lastByKey = [];
    private readonly Dictionary<int, DateTimeOffset> _planned = [];
    private readonly Lock _lock = new();
    private int _maxConcurrency = 1;
    private int _total = int.MaxValue;
    private int _remaining = int.MaxValue;
    private DateTimeOffset _resetAt = DateTimeOffset.MaxValue;

    public IdentifyScheduler(TimeProvider time, ILogger logger, TimeSpan? spacing = null)
    {
        _time = time;
        _logger = logger;
        _spacing = spacing ?? DefaultSpacing;
    }

    /// <summary>The identifies left before the session start limit, as last known.</summary>
    public int Remaining
    {
        get
        {
            lock (_lock)
            {
                RefreshBudget(_time.GetUtcNow());
                return _remaining;
            }
        }
    }

    /// <summary>Applies the session start limit from <c>GET /gateway/bot</c>, and logs it.</summary>
    public void Update(int total, int remaining, TimeSpan resetAfter, int maxConcurrency)
    {
        lock (_lock)
        {
            _maxConcurrency = Math.Max(1, maxConcurrency);
            _total = total;
            _remaining = remaining;
            _resetAt = _time.GetUtcNow() + resetAfter;
        }

        GatewayLog.SessionStartLimit(_logger, total, remaining, resetAfter, maxConcurrency);
        if (remaining < Math.Max(1, total / 10))
        {
            GatewayLog.SessionStartLimitLow(_logger, remaining, total, resetAfter);
        }
    }

    /// <summary>Plans the first identify of each shard in shard order, bucket after bucket.</summary>
    public void Plan(IEnumerable<int> shardIds)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var shard in shardIds.Order())
            {
                var key = ShardMath.RateLimitKey(shard, _maxConcurrency);
                var at = _plannedByKey.TryGetValue(key, out var next) && next > now ? next : now;
                _plannedByKey[key] = at + _spacing;
                _planned[shard] = at;
            }
        }
    }

    /// <summary>Waits (without a connection open) while the session start limit is used up.</summary>
    public async ValueTask WaitForBudgetAsync(int shardId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                RefreshBudget(now);
                if (_remaining > 0)
                {
                    return;
                }

                wait = _resetAt - now;
            }

            GatewayLog.SessionStartLimitExhausted(_logger, shardId, wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until the shard may identify: not before its planned slot, one spacing after the
    /// last identify of its key, and only while the session start limit has an identify left.
    /// Takes that identify from the budget in the same step (under the lock), so that shards
    /// waiting together never spend more than is left: the others wait for the reset.
    /// </summary>
    public async ValueTask WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        var key = ShardMath.RateLimitKey(shardId, _maxConcurrency);
        while (true)
        {
            TimeSpan wait;
            var exhausted = false;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                var due = _planned.TryGetValue(shardId, out var planned) ? planned : now;
                if (_lastByKey.TryGetValue(key, out var last) && last + _spacing > due)
                {
                    due = last + _spacing;
                }

                RefreshBudget(now);
                if (due <= now && _remaining > 0)
                {
                    _planned.Remove(shardId);
                    _lastByKey[key] = now;
                    _remaining--;
                    return;
                }

                if (due <= now)
                {
                    exhausted = true;
                    wait = _resetAt - now;
                }
                else
                {
                    wait = due - now;
                }
            }

            if (exhausted)
            {
                GatewayLog.SessionStartLimitExhausted(_logger, shardId, wait);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void RefreshBudget(DateTimeOffset now)
    {
        if (now >= _resetAt)
        {
            _remaining = _total;
            _resetAt = now + BudgetPeriod;
        }
    }
}
