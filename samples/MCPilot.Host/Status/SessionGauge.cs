using System.Diagnostics.Metrics;
using MCPilot.Diagnostics;

namespace MCPilot.Host.Status;

/// <summary>Reads the open entity MCP sessions from MCPilot's published gauge (<c>mcpilot.endpoint.sessions</c>).</summary>
internal sealed class SessionGauge : IDisposable
{
    private const string InstrumentName = "mcpilot.endpoint.sessions";

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private long _value;

    public SessionGauge()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MCPilotDiagnostics.Name && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) => _value = value);
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _value = value);
        _listener.Start();
    }

    /// <summary>The sessions open now.</summary>
    public long Read()
    {
        lock (_gate)
        {
            _value = 0;
            _listener.RecordObservableInstruments();
            return _value;
        }
    }

    public void Dispose() => _listener.Dispose();
}
