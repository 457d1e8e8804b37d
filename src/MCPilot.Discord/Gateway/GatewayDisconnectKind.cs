namespace MCPilot.Discord.Gateway;

/// <summary>
/// The kinds of cause a shard's disconnect has: few and fixed, so fit for the <c>cause</c> tag of
/// <c>mcpilot.discord.gateway.disconnects</c> (the cause in words goes to the log and <see cref="ShardStatus.LastDisconnect"/>).
/// </summary>
internal static class GatewayDisconnectKind
{
    /// <summary>Discord closed the connection with a close code.</summary>
    public const string Closed = "close_code";

    /// <summary>Discord sent opcode 7 Reconnect.</summary>
    public const string Reconnect = "reconnect_requested";

    /// <summary>Discord sent opcode 9 Invalid Session.</summary>
    public const string InvalidSession = "invalid_session";

    /// <summary>No heartbeat ACK between two heartbeats.</summary>
    public const string Zombie = "zombie";

    /// <summary>The connection failed or ended without a close code.</summary>
    public const string ConnectionLost = "connection_lost";

    /// <summary>No connection or no Hello within the Hello timeout.</summary>
    public const string HelloTimeout = "hello_timeout";

    /// <summary>A payload the client could not read (not JSON, a field of the wrong kind, too large).</summary>
    public const string UnreadablePayload = "unreadable_payload";

    /// <summary>Any other failure, logged with its exception.</summary>
    public const string Error = "error";
}
