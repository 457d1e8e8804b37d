namespace MCPilot.AspNetCore;

/// <summary>How the Streamable HTTP endpoint keeps state between requests.</summary>
public enum EntitySessionMode
{
    /// <summary>
    /// Each client gets a session (<c>Mcp-Session-Id</c>) that lives until it sends DELETE or is
    /// idle for <see cref="EntityEndpointOptions.IdleTimeout"/>. Needed for server-to-client
    /// notifications (the GET stream) and the legacy SSE transport. Requires session affinity when
    /// several hosts serve one entity.
    /// </summary>
    Stateful,

    /// <summary>
    /// Every POST is served on its own, with no session: any host can serve any request. There is
    /// no GET stream, no DELETE and no legacy SSE endpoint.
    /// </summary>
    Stateless,
}
