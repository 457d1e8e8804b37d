namespace MCPilot.Host.Status;

/// <summary>Which sections a status read covers.</summary>
internal enum HostStatusScope
{
    /// <summary>Stored state (database, entities, keys): any process with the configuration can read it.</summary>
    Stored,

    /// <summary>The running host's memory (sessions, the Gateway): only the running host can read it.</summary>
    Live,

    /// <summary>Both: the running host's complete view.</summary>
    All,
}
