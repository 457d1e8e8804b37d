using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// Paces identifies across this process's shards: at most one per rate-limit key
/// (<c>shard_id % max_concurrency</c>) every 5 seconds, so that up to <c>max_concurrency</c>
/// shards start together, bucket after bucket in the order they ask; and never past the
/// session start limit, waiting for its reset instead of burning the token.
/// </summary>
internal sealed class IdentifyScheduler
{
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<int, DateTimeOffset> _nextByKey = [];
    private readonly Lock _lock = new();
    private int _maxConcurrency = 1;
    private int _remaining = int.MaxValue;
    private DateTimeOffset _resetAt;

    public IdentifyScheduler(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Applies the session start limit from <c>GET /gateway/bot</c>.</summary>
    public void Update(int total, int remaining, TimeSpan resetAfter, int maxConcurrency)
    {
        lock (_lock)
        {
            _maxConcurrency = Math.Max(1, maxConcurrency);
            _remaining = remaining;
            _resetAt = _time.GetUtcNow() + resetAfter;
        }

        GatewayLog.SessionStartLimit(_logger, total, remaining, resetAfter, maxConcurrency);
        if (remaining < Math.Max(1, total / 10))
        {
            GatewayLog.SessionStartLimitLow(_logger, remaining, total, resetAfter);
        }
    }

    /// <summary>Reserves the shard's next identify slot; returns how long to wait before identifying.</summary>
    public TimeSpan Reserve(int shardId)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var at = now;
            if (_remaining <= 0 && _resetAt > now)
            {
                at = _resetAt;
                GatewayLog.SessionStartLimitExhausted(_logger, shardId, _resetAt - now);
            }
            else if (_remaining <= 0)
            {
                _remaining = int.MaxValue;
            }

            var key = ShardMath.RateLimitKey(shardId, _maxConcurrency);
            if (_nextByKey.TryGetValue(key, out var next) && next > at)
            {
                at = next;
            }

            _nextByKey[key] = at + Spacing;
            _remaining--;
            return at - now;
        }
    }

    /// <summary>Waits for the shard's turn to identify.</summary>
    public async ValueTask WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        var wait = Reserve(shardId);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
