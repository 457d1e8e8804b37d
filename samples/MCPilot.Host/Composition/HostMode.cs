namespace MCPilot.Host.Composition;

/// <summary>What the host talks to.</summary>
internal enum HostMode
{
    /// <summary>No Discord token: FakeDiscord in-process, a demo entity, the page at <c>/</c>.</summary>
    Playground,

    /// <summary>A Discord token is configured: real Discord.</summary>
    Discord,
}
