namespace MCPilot.Host.Server;

/// <summary>
/// What the running host tells local tools about itself, in <c>{data directory}/host.json</c>
/// (readable by its owner only): where it listens and the token of its admin endpoints.
/// </summary>
/// <param name="ProcessId">The host's process id.</param>
/// <param name="Url">The address local tools reach it at (a wildcard bind is reached on loopback).</param>
/// <param name="AdminToken">The bearer token of <c>/mcpilot/admin/…</c>; new at every start.</param>
/// <param name="StartedAt">When the host started.</param>
/// <param name="Mode">Playground or Discord.</param>
internal sealed record HostRuntimeInfo(int ProcessId, Uri Url, string AdminToken, DateTimeOffset StartedAt, string Mode)
{
    /// <summary>Names the host without its token.</summary>
    public override string ToString() => $"HostRuntimeInfo(pid {ProcessId}, {Url}, {Mode}, token hidden)";
}
