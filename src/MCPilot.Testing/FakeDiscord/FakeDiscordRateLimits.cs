namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// The limits FakeDiscord enforces, with Discord's headers (X-RateLimit-*, Retry-After) and
/// 429s. The defaults are Discord's: 50 requests per second globally (interaction endpoints
/// exempt), 5 messages per 5 seconds per channel, 5 executions per 2 seconds per webhook, one
/// reaction per 250 ms per channel. Discord publishes only the global figure; the route figures
/// are the ones bots observe, and Discord asks clients to read them from the headers.
/// </summary>
public sealed class FakeDiscordRateLimits
{
    /// <summary>Whether any limit is enforced. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per bot (or per IP without a token) across all routes. Default 50 per second.</summary>
    public FakeRateLimit Global { get; set; } = new(50, TimeSpan.FromSeconds(1));

    /// <summary><c>POST /channels/{id}/messages</c>, per channel. Default 5 per 5 seconds.</summary>
    public FakeRateLimit MessageCreate { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary><c>POST /webhooks/{id}/{token}</c>, per webhook. Default 5 per 2 seconds.</summary>
    public FakeRateLimit WebhookExecute { get; set; } = new(5, TimeSpan.FromSeconds(2));

    /// <summary>Adding or removing reactions, per channel. Default 1 per 250 ms.</summary>
    public FakeRateLimit Reactions { get; set; } = new(1, TimeSpan.FromMilliseconds(250));

    /// <summary>Every other route, per route and major parameter. Default 50 per second.</summary>
    public FakeRateLimit Default { get; set; } = new(50, TimeSpan.FromSeconds(1));

    /// <summary>No limits at all (headers still describe an unlimited bucket).</summary>
    public static FakeDiscordRateLimits None => new() { Enabled = false };

    /// <summary>Discord's limits scaled to run <paramref name="factor"/> times faster (e.g. 10: 5 messages per 500 ms), for quick tests that still exercise waiting.</summary>
    public static FakeDiscordRateLimits Faster(double factor)
    {
        var d = new FakeDiscordRateLimits();
        FakeRateLimit Scale(FakeRateLimit r) => r with { Period = r.Period / factor };
        return new FakeDiscordRateLimits
        {
            Global = Scale(d.Global),
            MessageCreate = Scale(d.MessageCreate),
            WebhookExecute = Scale(d.WebhookExecute),
            Reactions = Scale(d.Reactions),
            Default = Scale(d.Default),
        };
    }
}
