namespace MCPilot.Discord.Gateway;

/// <summary>
/// Keeps one connection within Discord's 120 sends per 60 s (events/gateway#rate-limiting), as a
/// sliding log. A few slots are reserved for heartbeats, identify and resume, so that ordinary sends
/// (presence updates, member requests) can never starve the connection's keep-alive.
/// </summary>
internal sealed class GatewaySendLimiter
{
    public const int Limit = 120;
    public const int Reserved = 4;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time;
    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    public GatewaySendLimiter(TimeProvider time) => _time = time;

    /// <summary>Sends recorded within the current window.</summary>
    public int InWindow
    {
        get
        {
            lock (_lock)
            {
                Prune(_time.GetTimestamp());
                return _sent.Count;
            }
        }
    }

    /// <summary>Waits until a send is allowed, then records it.</summary>
    /// <param name="priority">Heartbeat, identify or resume: may use the reserved slots.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask AcquireAsync(bool priority, CancellationToken cancellationToken)
    {
        var allowed = priority ? Limit : Limit - Reserved;
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                Prune(now);
                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = Window - _time.GetElapsedTime(_sent.Peek(), now);
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a fresh window (a new connection has its own budget).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _sent.Clear();
        }
    }

    private void Prune(long now)
    {
        while (_sent.Count > 0 && _time.GetElapsedTime(_sent.Peek(), now) >= Window)
        {
            _sent.Dequeue();
        }
    }
}
