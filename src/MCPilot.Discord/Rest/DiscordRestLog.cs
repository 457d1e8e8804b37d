using MCPilot.Discord.RateLimiting;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Rest;

/// <summary>The REST client's log messages (routes are templates: tokens never reach a log).</summary>
internal static partial class DiscordRestLog
{
    [LoggerMessage(1, LogLevel.Debug, "Discord {Route} answered {Status} in {ElapsedMs:0.0} ms")]
    public static partial void Answered(ILogger logger, string route, int status, double elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Discord rate-limited {Route} ({Scope} scope): waiting {RetryAfterSeconds:0.###} s before retrying")]
    public static partial void RateLimited(ILogger logger, string route, RateLimitScope scope, double retryAfterSeconds);

    [LoggerMessage(3, LogLevel.Debug, "Discord rate-limited {Route} (shared resource limit, not counted as invalid): waiting {RetryAfterSeconds:0.###} s")]
    public static partial void SharedRateLimited(ILogger logger, string route, double retryAfterSeconds);

    [LoggerMessage(4, LogLevel.Warning, "Retrying Discord {Route} (attempt {Attempt}) in {DelayMs:0} ms after {Reason}")]
    public static partial void Retrying(ILogger logger, string route, int attempt, double delayMs, string reason);

    [LoggerMessage(5, LogLevel.Warning, "{Count} invalid Discord requests (401, 403, 429) in the last 10 minutes; at 10,000 Discord bans this IP for a while. Check the token, the bot's permissions and what keeps hitting rate limits")]
    public static partial void InvalidRequests(ILogger logger, int count);

    [LoggerMessage(6, LogLevel.Error, "Discord rejected the bot token (401) on {Route}: MCPilot stops sending requests with it. Set a fresh token in MCPilot:Discord:Token or DISCORD_TOKEN and restart")]
    public static partial void TokenRejected(ILogger logger, string route);

    [LoggerMessage(7, LogLevel.Information, "A retried {Route} had already reached Discord: returning the message it created instead of posting again")]
    public static partial void Reconciled(ILogger logger, string route);
}
