namespace MCPilot.Discord.Gateway;

/// <summary>What a shard does after its connection closed.</summary>
public enum GatewayReconnectAction
{
    /// <summary>Reconnect to the resume URL and resume the session (no event is lost).</summary>
    Resume,

    /// <summary>Reconnect and identify a new session.</summary>
    Identify,

    /// <summary>Stop: reconnecting cannot succeed until the configuration changes.</summary>
    Stop,
}
