using System.Globalization;
using System.Net;
using MCPilot.Discord.RateLimiting;

namespace MCPilot.Discord.Rest;

/// <summary>
/// A request stayed rate limited longer than <c>MCPilot:Discord:Rest:MaxRateLimitWait</c> (or
/// <c>MaxRateLimitRetries</c> times): it was not sent, rather than block its caller for long.
/// </summary>
public sealed class DiscordRateLimitedException : DiscordRestException
{
    /// <summary>Creates the exception.</summary>
    public DiscordRateLimitedException(string route, RateLimitScope scope, TimeSpan retryAfter, string reason)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"Discord rate-limited {route} ({scope} scope) and asks to wait {retryAfter.TotalSeconds:0.###} s: {reason} Retry later, or raise MCPilot:Discord:Rest:MaxRateLimitWait."),
            HttpStatusCode.TooManyRequests,
            DiscordErrorCodes.General,
            "You are being rate limited.",
            route)
    {
        Scope = scope;
        RetryAfter = retryAfter;
    }

    /// <summary>The scope of the limit.</summary>
    public RateLimitScope Scope { get; }

    /// <summary>How long Discord asked to wait.</summary>
    public TimeSpan RetryAfter { get; }
}
