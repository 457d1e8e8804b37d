namespace MCPilot.Host.Status;

/// <summary>
/// Reports one section of the host's status. Register one per part (database, entities, the
/// running host, and the Gateway once it exists) with <c>services.AddHostStatusSource&lt;T&gt;()</c>;
/// the CLI's <c>status</c>, the running host's admin endpoint and the <c>/status</c> slash command
/// all read the same sources.
/// </summary>
internal interface IHostStatusSource
{
    /// <summary>The section's name.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the section describes the running host's memory (sessions, Gateway connection) rather
    /// than stored state. The CLI reads live sections from the running host, never from itself.
    /// </summary>
    bool IsLive { get; }

    /// <summary>Reads the section. A failure becomes an error section naming it; it never throws for a broken part.</summary>
    Task<HostStatusSection> ReadAsync(CancellationToken cancellationToken);
}
