namespace MCPilot.Discord.RateLimiting;

/// <summary>The scope of a 429, from Discord's <c>X-RateLimit-Scope</c> header.</summary>
public enum RateLimitScope
{
    /// <summary>The bot's own per-route limit (counts as an invalid request).</summary>
    User,

    /// <summary>The bot's global limit across all routes (counts as an invalid request).</summary>
    Global,

    /// <summary>A limit on the resource shared by everyone, e.g. a busy channel (does not count as invalid).</summary>
    Shared,
}
