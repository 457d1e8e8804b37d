using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// Paces identifies across this process's shards (events/gateway#sharding-max-concurrency): at
/// most one per rate-limit key (<c>shard_id % max_concurrency</c>) every 5 seconds, so that up to
/// <c>max_concurrency</c> shards start together and the buckets start in shard order; and never
/// past the session start limit, waiting for its reset instead (at 0, Discord resets the token).
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
    private readonly Dictionary<int, DateTimeOffset> _nextByKey = [];
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

    /// <summary>Reserves the first identify of each shard in shard order, bucket after bucket.</summary>
    public void Plan(IEnumerable<int> shardIds)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var shard in shardIds.Order())
            {
                _planned[shard] = Next(shard, now);
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

    /// <summary>Waits for the shard's identify slot and counts the identify against the session start limit.</summary>
    public async ValueTask WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var at = _planned.Remove(shardId, out var planned) ? planned : Next(shardId, now);
            RefreshBudget(now);
            _remaining--;
            wait = at - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The next slot of the shard's key, reserved (callers hold the lock).</summary>
    private DateTimeOffset Next(int shardId, DateTimeOffset now)
    {
        var key = ShardMath.RateLimitKey(shardId, _maxConcurrency);
        var at = _nextByKey.TryGetValue(key, out var next) && next > now ? next : now;
        _nextByKey[key] = at + _spacing;
        return at;
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
