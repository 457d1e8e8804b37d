namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>RESUMED</c>: a shard resumed its session; every event it missed was replayed before this one.</summary>
public sealed class ResumedEvent : GatewayEvent;
