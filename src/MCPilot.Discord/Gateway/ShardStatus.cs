namespace MCPilot.Discord.Gateway;

/// <summary>A snapshot of one shard, for <c>/status</c>, health checks and dashboards.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="ShardCount">The total shard count.</param>
/// <param name="State">Its state.</param>
/// <param name="Latency">The last heartbeat round trip, once one was acknowledged.</param>
/// <param name="Sequence">The last sequence number received.</param>
/// <param name="Identifies">Sessions started (identifies sent).</param>
/// <param name="Resumes">Sessions resumed.</param>
/// <param name="LastDisconnect">The cause of the last disconnect, if any.</param>
/// <param name="Error">Why the shard failed, when <see cref="ShardState.Failed"/>.</param>
public sealed record ShardStatus(int ShardId, int ShardCount, ShardState State, TimeSpan? Latency, long? Sequence, int Identifies, int Resumes, string? LastDisconnect, string? Error)
{
    /// <summary>Events (dispatches) received since the client started.</summary>
    public long EventsReceived { get; init; }
}
