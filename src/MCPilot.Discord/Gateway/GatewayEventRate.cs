namespace MCPilot.Discord.Gateway;

/// <summary>Counts events in one-second buckets over the last minute, for an events-per-second figure.</summary>
internal sealed class GatewayEventRate
{
    private const int Seconds = 60;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long[] _counts = new long[Seconds];
    private readonly long[] _stamps = new long[Seconds];
    private readonly Lock _lock = new();

    public GatewayEventRate(TimeProvider time)
    {
        _time = time;
        _origin = time.GetTimestamp();
    }

    public void Record()
    {
        var second = CurrentSecond();
        var slot = (int)(second % Seconds);
        lock (_lock)
        {
            if (_stamps[slot] != second)
            {
                _stamps[slot] = second;
                _counts[slot] = 0;
            }

            _counts[slot]++;
        }
    }

    /// <summary>Events per second over the last full minute (or since start, when shorter).</summary>
    public double PerSecond
    {
        get
        {
            var now = CurrentSecond();
            long total = 0;
            lock (_lock)
            {
                for (var i = 0; i < Seconds; i++)
                {
                    if (_stamps[i] < now && _stamps[i] >= now - Seconds)
                    {
                        total += _counts[i];
                    }
                }
            }

            var span = Math.Clamp(now, 1, Seconds);
            return total / (double)span;
        }
    }

    private long CurrentSecond() => (long)_time.GetElapsedTime(_origin).TotalSeconds;
}
