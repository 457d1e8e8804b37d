using System.ComponentModel.DataAnnotations;
using MCPilot.Discord.Interactions;

namespace MCPilot.Discord.Gateway;

/// <summary>The Gateway client's settings, bound from <c>MCPilot:Discord:Gateway</c> (the token is <see cref="DiscordOptions.Token"/>).</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Discord:Gateway";

    /// <summary>The default of <see cref="EventBufferCapacity"/>.</summary>
    public const int DefaultEventBufferCapacity = 10_000;

    /// <summary>The default of <see cref="HandlerQueueCapacity"/>.</summary>
    public const int DefaultHandlerQueueCapacity = 1024;

    /// <summary>
    /// The events to receive. Default <see cref="GatewayIntents.Default"/>: guilds, guild messages,
    /// DMs and message content (privileged: enable it in the Developer Portal, your application >
    /// Bot > Privileged Gateway Intents). In configuration: names separated by commas, e.g.
    /// <c>"Guilds, GuildMessages, DirectMessages, MessageContent, GuildMessageReactions"</c>.
    /// </summary>
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
    /// How many received events wait to be decoded before the shards stop reading (back-pressure;
    /// heartbeats continue). Default <see cref="DefaultEventBufferCapacity"/>.
    /// </summary>
    [Range(1, 10_000_000)]
    public int EventBufferCapacity { get; set; } = DefaultEventBufferCapacity;

    /// <summary>
    /// How many events wait in each handler's own queue (<see cref="IGatewayEventHandler{TEvent}"/>)
    /// before dispatch waits for that handler. Default <see cref="DefaultHandlerQueueCapacity"/>.
    /// </summary>
    [Range(1, 10_000_000)]
    public int HandlerQueueCapacity { get; set; } = DefaultHandlerQueueCapacity;

    /// <summary>Members above which a guild is "large" and its offline members are not sent (50–250). Default 250.</summary>
    [Range(50, 250)]
    public int LargeThreshold { get; set; } = 250;

    /// <summary>How long to wait for the connection and Hello. Default 20 s.</summary>
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

    /// <summary>
    /// Whether a fatal close code (wrong token, intents not enabled, bad sharding) or a rejected
    /// token stops the application (with exit code 1) after logging what to do. Default true.
    /// </summary>
    public bool StopApplicationOnFatalError { get; set; } = true;

    /// <summary>Slash commands: where they are registered and how interactions are answered.</summary>
    public SlashCommandOptions Commands { get; } = new();

    /// <summary>Discord's identify window per rate-limit key (5 s). Tests against FakeDiscord shorten it together with FakeDiscord's own.</summary>
    internal TimeSpan IdentifySpacing { get; set; } = IdentifyScheduler.DefaultSpacing;

    /// <summary>The longest pause after an invalid session, as Discord asks (1–5 s before a new identify). Tests shorten it.</summary>
    internal TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
