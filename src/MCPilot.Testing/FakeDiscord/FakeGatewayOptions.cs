namespace MCPilot.Testing.FakeDiscord;

/// <summary>How FakeDiscord's Gateway behaves. The defaults are Discord's.</summary>
public sealed class FakeGatewayOptions
{
    /// <summary>The heartbeat interval Hello announces. Default 41.25 s, as Discord; tests shorten it to see zombie handling quickly.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary>
    /// How long without a heartbeat before a connection is closed (4000, resumable), as Discord does
    /// with a client that stopped heartbeating. Default 1.5 heartbeat intervals (the first heartbeat
    /// may come up to one interval after Hello).
    /// </summary>
    public TimeSpan? HeartbeatTimeout { get; set; }

    /// <summary>The shard count <c>GET /gateway/bot</c> recommends. Default 1.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>The <c>max_concurrency</c> <c>GET /gateway/bot</c> reports and identifies are held to. Default 1.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>The identify window per rate-limit key (<c>shard_id % max_concurrency</c>): a faster identify gets opcode 9. Default 5 s, as Discord.</summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Session starts allowed per day (<c>session_start_limit.total</c>). Default 1000.</summary>
    public int SessionStartLimit { get; set; } = 1000;

    /// <summary>The privileged intents enabled for the bot. Default all (tests of 4014 turn them off).</summary>
    public FakePrivilegedIntents EnabledPrivilegedIntents { get; set; } = FakePrivilegedIntents.All;

    /// <summary>How long a session stays resumable after its connection ended. Default 3 minutes.</summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many dispatches a session keeps for replay on resume; an older sequence cannot be resumed (opcode 9). Default 10,000.</summary>
    public int ReplayCapacity { get; set; } = 10_000;

    /// <summary>
    /// The <c>resume_gateway_url</c> READY gives. Default null: this Gateway's own <c>/resume</c> path.
    /// Tests set a broken one (<c>"http://nope"</c>) to see a client fall back to the Gateway URL.
    /// </summary>
    public string? ResumeGatewayUrl { get; set; }

    /// <summary>Guilds one shard may hold before identifying without sharding closes with 4011. Default 2500, as Discord.</summary>
    public int MaxGuildsPerShard { get; set; } = 2500;
}
