namespace MCPilot.Discord.Gateway;

/// <summary>
/// A shard stopped because Discord closed its connection with a code that reconnecting cannot
/// fix (4004, 4010–4014). The message names the cause and what to do.
/// </summary>
public sealed class GatewayFatalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayFatalException(int shardId, int closeCode, string message)
        : base($"Discord Gateway shard {shardId} stopped: {message}.")
    {
        ShardId = shardId;
        CloseCode = closeCode;
    }

    /// <summary>The shard that stopped.</summary>
    public int ShardId { get; }

    /// <summary>Discord's close code.</summary>
    public int CloseCode { get; }
}
