namespace MCPilot.Discord.RateLimiting;

/// <summary>
/// The bot-wide limit (Discord's default: 50 requests per second). A sliding log of send times
/// guarantees no window of <c>1 s + margin</c> holds more than the limit, whatever Discord's own
/// window alignment; a global 429 blocks every request until its retry_after passes.
/// </summary>
internal sealed class GlobalRateLimiter(int requestsPerSecond, TimeSpan margin, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<long> _sent = new();
    private readonly long _window = (long)((1 + margin.TotalSeconds) * time.TimestampFrequency);
    private long _blockedUntil;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var delay = TryTake();
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
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

    private TimeSpan TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_blockedUntil > now)
            {
                return time.GetElapsedTime(now, _blockedUntil);
            }

            while (_sent.Count > 0 && now - _sent.Peek() >= _window)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < requestsPerSecond)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return time.GetElapsedTime(now, _sent.Peek() + _window);
        }
    }
}
