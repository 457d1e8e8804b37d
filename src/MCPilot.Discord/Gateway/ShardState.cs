namespace MCPilot.Discord.Gateway;

/// <summary>Where a shard is in its connection lifecycle.</summary>
public enum ShardState
{
    /// <summary>Not started yet.</summary>
    Idle,

    /// <summary>Opening a connection or waiting for Hello.</summary>
    Connecting,

    /// <summary>Identify sent, waiting for READY.</summary>
    Identifying,

    /// <summary>Resume sent, waiting for the replay to finish (RESUMED).</summary>
    Resuming,

    /// <summary>Receiving events.</summary>
    Ready,

    /// <summary>Waiting before the next connection attempt.</summary>
    Reconnecting,

    /// <summary>Stopped by a fatal close code; see <see cref="ShardStatus.Error"/>.</summary>
    Failed,

    /// <summary>Stopped by the host.</summary>
    Stopped,
}
