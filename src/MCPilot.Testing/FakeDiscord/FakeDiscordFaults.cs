namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// Faults a test injects into FakeDiscord's REST API: server errors, 429 storms of any scope,
/// dropped connections and latency. Each fault applies to the next requests that match its
/// route (<c>"POST /channels/{channel_id}/messages"</c>, <c>"/webhooks/{webhook_id}/{webhook_token}"</c>
/// or null for any), in the order they were injected. Thread-safe.
/// </summary>
public sealed class FakeDiscordFaults
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];
    private readonly List<(string? Route, TimeSpan Latency)> _latency = [];

    /// <summary>How many injected faults are still to fire.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _faults.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> matching requests with <paramref name="status"/>
    /// (500, 502, 503, 504). With <paramref name="afterProcessing"/>, the request takes effect
    /// first (the message is posted) and only the answer is lost, which is what retries must survive.
    /// </summary>
    public void FailNext(int count, int status = 500, string? route = null, bool afterProcessing = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        Add(new Fault(FaultKind.ServerError, count, route, afterProcessing) { Status = status });
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests 429 with <paramref name="scope"/> and <paramref name="retryAfter"/>.</summary>
    public void RateLimitNext(int count, FakeRateLimitScope scope, TimeSpan retryAfter, string? route = null)
        => Add(new Fault(FaultKind.RateLimit, count, route, false) { Scope = scope, RetryAfter = retryAfter });

    /// <summary>Drops the connection of the next <paramref name="count"/> matching requests, before or after they take effect.</summary>
    public void DropNext(int count, string? route = null, bool afterProcessing = false)
        => Add(new Fault(FaultKind.Drop, count, route, afterProcessing));

    /// <summary>Delays every matching request by <paramref name="latency"/> (TimeSpan.Zero removes it).</summary>
    public void SetLatency(TimeSpan latency, string? route = null)
    {
        lock (_gate)
        {
            _latency.RemoveAll(l => l.Route == route);
            if (latency > TimeSpan.Zero)
            {
                _latency.Add((route, latency));
            }
        }
    }

    /// <summary>Removes every fault and latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
            _latency.Clear();
        }
    }

    internal TimeSpan LatencyFor(string method, string template)
    {
        lock (_gate)
        {
            return _latency.Where(l => Matches(l.Route, method, template)).Select(l => l.Latency).DefaultIfEmpty(TimeSpan.Zero).Max();
        }
    }

    internal Fault? Take(string method, string template)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && Matches(f.Route, method, template));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            _faults.RemoveAll(f => f.Remaining == 0);
            return fault;
        }
    }

    private void Add(Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1);
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    private static bool Matches(string? route, string method, string template)
    {
        if (route is null)
        {
            return true;
        }

        var space = route.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? route == template
            : string.Equals(route[..space], method, StringComparison.OrdinalIgnoreCase) && route[(space + 1)..] == template;
    }

    internal enum FaultKind
    {
        ServerError,
        RateLimit,
        Drop,
    }

    internal sealed class Fault(FaultKind kind, int count, string? route, bool afterProcessing)
    {
        public FaultKind Kind { get; } = kind;

        public int Remaining { get; set; } = count;

        public string? Route { get; } = route;

        public bool AfterProcessing { get; } = afterProcessing;

        public int Status { get; init; } = 500;

        public FakeRateLimitScope Scope { get; init; }

        public TimeSpan RetryAfter { get; init; }
    }
}
