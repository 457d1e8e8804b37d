namespace MCPilot.AspNetCore.Sessions;

/// <summary>
/// The entity MCP sessions open on this host's endpoints (<c>MapMCPilot()</c>), for status pages
/// and health: each host in a process counts its own (the <c>mcpilot.endpoint.sessions</c> gauge
/// counts every host in the process).
/// </summary>
public interface IEntitySessions
{
    /// <summary>How many sessions are open.</summary>
    int Count { get; }

    /// <summary>How many sessions an entity has open.</summary>
    int CountFor(EntityId entityId);
}
