using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MCPilot.Diagnostics;

/// <summary>
/// MCPilot's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <see cref="Name"/>. Any OpenTelemetry exporter (or <c>dotnet-counters</c>) reads them by that name.
/// </summary>
public static class MCPilotDiagnostics
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "MCPilot";

    /// <summary>The meter every MCPilot metric is created on.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>The activity source every MCPilot trace span is started from.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);
}
