using System.Text.Json.Serialization;

namespace MCPilot.Host.Status;

/// <summary>How a part of the host is doing.</summary>
internal enum HostStatusLevel
{
    /// <summary>Working.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>Working, but something needs attention (or is not there, like a stopped host).</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Broken: the host cannot (or will not) serve.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
