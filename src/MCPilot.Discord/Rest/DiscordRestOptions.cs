using System.ComponentModel.DataAnnotations;

namespace MCPilot.Discord.Rest;

/// <summary>The REST client's limits, retries and timeouts (<c>MCPilot:Discord:Rest</c>).</summary>
public sealed class DiscordRestOptions
{
    /// <summary>Discord's default global limit: 50 requests per second per bot.</summary>
    public const int DefaultGlobalRequestsPerSecond = 50;

    /// <summary>The default of <see cref="InvalidRequestWarningThreshold"/>: a tenth of Discord's 10,000.</summary>
    public const int DefaultInvalidRequestWarningThreshold = 1_000;

    /// <summary>The project URL in the User-Agent Discord requires.</summary>
    public const string DefaultUserAgentUrl = "https://github.com/mcpilot/mcpilot";

    /// <summary>
    /// Requests per second across all routes (interaction callbacks excepted). Default
    /// <see cref="DefaultGlobalRequestsPerSecond"/>; raise it only if Discord raised your bot's limit.
    /// </summary>
    [Range(1, 100_000)]
    public int GlobalRequestsPerSecond { get; set; } = DefaultGlobalRequestsPerSecond;

    /// <summary>
    /// Added to the global limit's one-second window, so network jitter cannot squeeze one
    /// request too many into Discord's window. Default 20 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan GlobalWindowMargin { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long one attempt may take before it counts as failed. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 5xx or a network error (with jittered exponential backoff). Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's mean delay; later ones grow exponentially. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often one request may be answered 429 and retried before it fails. Default 10.</summary>
    [Range(0, 100)]
    public int MaxRateLimitRetries { get; set; } = 10;

    /// <summary>
    /// The longest a request waits after a 429 before it fails with
    /// <see cref="DiscordRateLimitedException"/> instead. Default 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A warning is logged each time this many invalid requests (401, 403, 429) pile up within
    /// 10 minutes; Discord bans the IP at 10,000. Default <see cref="DefaultInvalidRequestWarningThreshold"/>.
    /// </summary>
    [Range(1, 10_000)]
    public int InvalidRequestWarningThreshold { get; set; } = DefaultInvalidRequestWarningThreshold;

    /// <summary>The URL in the User-Agent header (<c>DiscordBot (url, version)</c>).</summary>
    [Required]
    public string UserAgentUrl { get; set; } = DefaultUserAgentUrl;
}
