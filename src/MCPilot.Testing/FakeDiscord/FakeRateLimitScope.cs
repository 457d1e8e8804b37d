namespace MCPilot.Testing.FakeDiscord;

/// <summary>The <c>X-RateLimit-Scope</c> of an injected 429.</summary>
public enum FakeRateLimitScope
{
    /// <summary>The bot's per-route limit.</summary>
    User,

    /// <summary>The bot's global limit (also sets <c>X-RateLimit-Global</c> and <c>global: true</c>).</summary>
    Global,

    /// <summary>A limit on the shared resource.</summary>
    Shared,
}
