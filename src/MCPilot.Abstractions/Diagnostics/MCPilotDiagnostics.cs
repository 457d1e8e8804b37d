using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MCPilot.Diagnostics;

/// <summary>
/// The one <see cref="Meter"/> and the one <see cref="ActivitySource"/> every MCPilot package
/// reports through, both named <see cref="Name"/>. Any OpenTelemetry exporter reads them with
/// <c>AddMeter("MCPilot")</c> and <c>AddSource("MCPilot")</c>.
/// </summary>
public static class MCPilotDiagnostics
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "MCPilot";

    private static readonly string? Version = typeof(MCPilotDiagnostics).Assembly.GetName().Version?.ToString();

    /// <summary>MCPilot's meter: every metric instrument is created on it.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>MCPilot's activity source: every trace span is started from it.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);
}
