namespace MCPilot.Host.Status;

/// <summary>The host's status: every section, read at <paramref name="At"/>.</summary>
internal sealed record HostStatusReport(DateTimeOffset At, IReadOnlyList<HostStatusSection> Sections)
{
    /// <summary>The worst level of any section.</summary>
    public HostStatusLevel Level => Sections.Count == 0 ? HostStatusLevel.Ok : Sections.Max(s => s.Level);
}
