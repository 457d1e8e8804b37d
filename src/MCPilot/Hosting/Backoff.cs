namespace MCPilot.Hosting;

/// <summary>
/// Exponential backoff for background work that retries until its store is reachable: each
/// <see cref="WaitAsync"/> waits the <see cref="Current"/> delay, then doubles it up to the maximum;
/// <see cref="Reset"/> after a success.
/// </summary>
internal sealed class Backoff
{
    /// <summary>The first delay of the background services: a quarter of a second.</summary>
    public static readonly TimeSpan DefaultFirst = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay of the background services: 30 seconds.</summary>
    public static readonly TimeSpan DefaultMax = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private readonly TimeProvider _time;

    /// <summary>A backoff from <paramref name="first"/> doubling up to <paramref name="max"/>.</summary>
    public Backoff(TimeSpan first, TimeSpan max, TimeProvider time)
    {
        _first = first;
        _max = max;
        _time = time;
        Current = first;
    }

    /// <summary>The background services' backoff: from <see cref="DefaultFirst"/> to <see cref="DefaultMax"/>.</summary>
    public Backoff(TimeProvider time)
        : this(DefaultFirst, DefaultMax, time)
    {
    }

    /// <summary>The delay the next <see cref="WaitAsync"/> waits.</summary>
    public TimeSpan Current { get; private set; }

    /// <summary>Waits <see cref="Current"/>, then doubles it (up to the maximum).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Current, _time, cancellationToken).ConfigureAwait(false);
        Current = TimeSpan.FromTicks(Math.Min(Current.Ticks * 2, _max.Ticks));
    }

    /// <summary>Starts again from the first delay.</summary>
    public void Reset() => Current = _first;
}
