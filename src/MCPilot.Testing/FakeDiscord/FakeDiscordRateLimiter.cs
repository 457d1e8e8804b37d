using System.Security.Cryptography;
using System.Text;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>Fixed windows that start with a bucket's first request, as Discord's do; one per bucket key and one global per bot.</summary>
internal sealed class FakeDiscordRateLimiter(FakeDiscordRateLimits limits, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = [];

    public FakeDiscordRateLimits Limits { get; } = limits;

    /// <summary>Takes a slot in the global window of <paramref name="identity"/>; returns how long to wait when there is none.</summary>
    public TimeSpan? TakeGlobal(string identity)
    {
        var decision = Take("global|" + identity, Limits.Global);
        return decision.Limited ? decision.ResetAfter : null;
    }

    /// <summary>Takes a slot in a route bucket.</summary>
    public Decision Take(string key, FakeRateLimit rule)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (!_windows.TryGetValue(key, out var window) || now >= window.ResetAt)
            {
                window = new Window { ResetAt = now + (long)(rule.Period.TotalSeconds * time.TimestampFrequency) };
                _windows[key] = window;
            }

            var resetAfter = time.GetElapsedTime(now, window.ResetAt);
            if (window.Count >= rule.Limit)
            {
                return new Decision(rule.Limit, 0, resetAfter, true);
            }

            window.Count++;
            return new Decision(rule.Limit, rule.Limit - window.Count, resetAfter, false);
        }
    }

    /// <summary>A stable bucket hash for a rule, like Discord's opaque X-RateLimit-Bucket.</summary>
    public static string Hash(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];

    internal readonly record struct Decision(int Limit, int Remaining, TimeSpan ResetAfter, bool Limited);

    private sealed class Window
    {
        public int Count { get; set; }

        public long ResetAt { get; init; }
    }
}
