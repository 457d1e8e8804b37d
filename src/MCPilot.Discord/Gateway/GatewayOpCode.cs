namespace MCPilot.Discord.Gateway;

/// <summary>Gateway opcodes (topics/opcodes-and-status-codes).</summary>
public enum GatewayOpCode
{
    /// <summary>An event was dispatched (receive).</summary>
    Dispatch = 0,

    /// <summary>Keep the connection alive (send; or a request for one, receive).</summary>
    Heartbeat = 1,

    /// <summary>Start a new session (send).</summary>
    Identify = 2,

    /// <summary>Update the bot's presence (send).</summary>
    PresenceUpdate = 3,

    /// <summary>Join, move or leave voice (send).</summary>
    VoiceStateUpdate = 4,

    /// <summary>Resume a previous session (send).</summary>
    Resume = 6,

    /// <summary>Reconnect and resume immediately (receive).</summary>
    Reconnect = 7,

    /// <summary>Request guild members (send).</summary>
    RequestGuildMembers = 8,

    /// <summary>The session was invalidated; <c>d</c> says whether it can be resumed (receive).</summary>
    InvalidSession = 9,

    /// <summary>Sent on connect, with the heartbeat interval (receive).</summary>
    Hello = 10,

    /// <summary>A heartbeat was received (receive).</summary>
    HeartbeatAck = 11,
}
