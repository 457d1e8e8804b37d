using System.ComponentModel.DataAnnotations;

namespace MCPilot.AspNetCore;

/// <summary>The entity MCP endpoints' settings, bound from <c>MCPilot:Endpoints</c>.</summary>
public sealed class EntityEndpointOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Endpoints";

    /// <summary>The default of <see cref="PathPrefix"/>.</summary>
    public const string DefaultPathPrefix = "/mcp";

    /// <summary>The default of <see cref="MaxSessionsPerEntity"/>.</summary>
    public const int DefaultMaxSessionsPerEntity = 32;

    /// <summary>The default of <see cref="MaxRequestBodyBytes"/> (1 MiB).</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Where the endpoints live: <c>{PathPrefix}/{entityId}</c>. Default <see cref="DefaultPathPrefix"/>.</summary>
    [Required]
    [RegularExpression("^(/[A-Za-z0-9._~-]+)+$", ErrorMessage = "MCPilot:Endpoints:PathPrefix must be a path such as /mcp (no trailing slash).")]
    public string PathPrefix { get; set; } = DefaultPathPrefix;

    /// <summary>Whether clients get sessions (default) or every request stands alone.</summary>
    public EntitySessionMode SessionMode { get; set; } = EntitySessionMode.Stateful;

    /// <summary>How long a session may go without a request (and without an open GET stream) before it is closed. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often idle sessions are looked for. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReapInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many sessions (Streamable HTTP and legacy SSE together) one entity may have open. At the
    /// cap, a new session replaces the entity's least recently used idle session; when none is idle
    /// it is refused (HTTP 429). Default <see cref="DefaultMaxSessionsPerEntity"/>.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSessionsPerEntity { get; set; } = DefaultMaxSessionsPerEntity;

    /// <summary>The largest JSON-RPC request body accepted, in bytes (larger ones get HTTP 413). Default 1 MiB.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>
    /// The Host header values accepted (DNS-rebinding protection), with or without a port, e.g.
    /// <c>bot.example.com</c>. <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c> are always accepted, and
    /// so is the host of <c>MCPilot:PublicBaseUrl</c>. <c>*</c> accepts any host (behind a proxy that checks it).
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// The browser origins accepted (requests with no Origin header, from non-browser clients, are
    /// always accepted), e.g. <c>https://claude.ai</c>. Loopback origins and the origin of
    /// <c>MCPilot:PublicBaseUrl</c> are always accepted.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Whether clients that cannot set headers may put their key in the path:
    /// <c>{PathPrefix}/{entityId}/k/{key}</c>. The key is removed from the request before ASP.NET Core
    /// logs or routes it. Off by default: prefer the Authorization header.
    /// </summary>
    public bool AllowKeyInPath { get; set; }

    /// <summary>Whether the legacy HTTP+SSE transport (<c>/sse</c> and <c>/message</c>) is served (stateful mode only). Default on.</summary>
    public bool EnableLegacySse { get; set; } = true;

    /// <summary>The liveness endpoint; <see langword="null"/> to map none. Default <c>/healthz</c>.</summary>
    public string? HealthPath { get; set; } = "/healthz";

    /// <summary>The readiness endpoint (entities loaded, and every health check tagged <c>ready</c>); <see langword="null"/> to map none. Default <c>/readyz</c>.</summary>
    public string? ReadinessPath { get; set; } = "/readyz";
}
