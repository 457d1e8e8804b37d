using System.Globalization;
using System.Net.Http.Headers;

namespace MCPilot.Discord.RateLimiting;

/// <summary>The rate-limit headers of one Discord response.</summary>
internal readonly record struct RateLimitHeaders(
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    string? Bucket,
    bool Global,
    RateLimitScope? Scope,
    TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers)
    {
        return new RateLimitHeaders(
            Int(headers, "X-RateLimit-Limit"),
            Int(headers, "X-RateLimit-Remaining"),
            Seconds(headers, "X-RateLimit-Reset-After"),
            Value(headers, "X-RateLimit-Bucket"),
            string.Equals(Value(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Value(headers, "X-RateLimit-Scope") switch
            {
                "global" => RateLimitScope.Global,
                "shared" => RateLimitScope.Shared,
                "user" => RateLimitScope.User,
                _ => null,
            },
            Seconds(headers, "Retry-After"));
    }

    private static string? Value(HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Int(HttpResponseHeaders headers, string name)
        => int.TryParse(Value(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static TimeSpan? Seconds(HttpResponseHeaders headers, string name)
        => double.TryParse(Value(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? TimeSpan.FromSeconds(v) : null;
}
