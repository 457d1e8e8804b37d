namespace MCPilot.Testing.FakeDiscord;

/// <summary>A rate limit: <paramref name="Limit"/> requests per <paramref name="Period"/>, in a window that starts with the first request.</summary>
/// <param name="Limit">Requests allowed per window.</param>
/// <param name="Period">The window's length.</param>
public sealed record FakeRateLimit(int Limit, TimeSpan Period);
