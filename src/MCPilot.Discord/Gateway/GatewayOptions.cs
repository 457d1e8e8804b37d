using System.ComponentModel.DataAnnotations;

namespace MCPilot.Discord.Gateway;

/// <summary>The Gateway client's settings, bound from <c>MCPilot:Discord:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Discord:Gateway";

    /// <summary>The default of <see cref="EventBufferCapacity"/>.</summary>
    public const int DefaultEventBufferCapacity = 10_000;

    /// <summary>The events to receive. Default <see cref="GatewayIntents.Default"/> (guilds, guild messages, DMs, message content).</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Default;

    /// <summary>The total number of shards; unset uses Discord's recommendation from <c>GET /gateway/bot</c>.</summary>
    [Range(1, 1_000_000)]
    public int? ShardCount { get; set; }

    /// <summary>
    /// The shards this host runs; empty runs them all. Several hosts share a bot by each running a
    /// subset (DMs arrive on shard 0, so exactly one host should run it).
    /// </summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>
    /// How many received events wait for consumers before the shards stop reading (back-pressure;
    /// heartbeats continue). Default <see cref="DefaultEventBufferCapacity"/>.
    /// </summary>
    [Range(1, 10_000_000)]
    public int EventBufferCapacity { get; set; } = DefaultEventBufferCapacity;

    /// <summary>Members above which a guild is "large" and its offline members are not sent (50–250). Default 250.</summary>
    [Range(50, 250)]
    public int LargeThreshold { get; set; } = 250;

    /// <summary>How long to wait for Hello after connecting. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The first reconnect delay after a failed attempt; doubles per failure up to <see cref="MaxReconnectDelay"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest reconnect delay. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest Gateway message accepted, in bytes. Default 64 MiB (a READY of a large bot is big).</summary>
    [Range(4096, int.MaxValue)]
    public int MaxMessageBytes { get; set; } = 64 * 1024 * 1024;
}
