namespace MCPilot.Discord.Gateway;

/// <summary>
/// What a shard needs to resume: the session id, the resume URL (null when READY gave none usable:
/// resume through the Gateway URL) and the last sequence number received.
/// </summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    /// <summary>The last sequence number received, or <see langword="null"/> before the first dispatch.</summary>
    public long? Sequence
    {
        get
        {
            var s = Interlocked.Read(ref _sequence);
            return s < 0 ? null : s;
        }
    }

    public bool CanResume => SessionId is not null && Sequence is not null;

    public void Observe(long sequence)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _sequence);
            if (sequence <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _sequence, sequence, current) != current);
    }

    public void Start(string sessionId, Uri? resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
