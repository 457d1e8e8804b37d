using System.ComponentModel.DataAnnotations;

namespace MCPilot.Entities;

/// <summary>How entities are kept, fed and guarded; bound from <c>MCPilot:Entities</c>.</summary>
public sealed class EntityOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Entities";

    /// <summary>The default of <see cref="FeedCapacity"/>.</summary>
    public const int DefaultFeedCapacity = 500;

    /// <summary>The default of <see cref="MaxBotHops"/>.</summary>
    public const int DefaultMaxBotHops = 8;

    /// <summary>The default of <see cref="OwnMessageMemory"/>.</summary>
    public const int DefaultOwnMessageMemory = 100_000;

    /// <summary>The default of <see cref="MaxMessageLength"/>.</summary>
    public const int DefaultMaxMessageLength = 8000;

    /// <summary>The largest uploaded avatar, in bytes (2 MiB).</summary>
    public const int MaxAvatarBytes = 2 * 1024 * 1024;

    /// <summary>
    /// How many previous uploaded avatars of an entity the host keeps serving at their old URLs (4, so
    /// at most 5 images and 10 MiB per entity): Discord messages carry the avatar URL they were sent
    /// with, so an entity's older messages keep their avatar across its last 4 changes of avatar.
    /// </summary>
    public const int PreviousAvatarsKept = 4;

    /// <summary>
    /// How many messages each entity's feed (and its DMs) holds, in memory; with
    /// <see cref="EntityFeedOptions.Persist"/> the store keeps the same newest messages. When it is
    /// full the oldest message is dropped and counted. Default <see cref="DefaultFeedCapacity"/>.
    /// </summary>
    [Range(1, 100_000)]
    public int FeedCapacity { get; set; } = DefaultFeedCapacity;

    /// <summary>Whether feeds survive a restart (<c>MCPilot:Entities:Feeds:Persist</c>, default false: memory only).</summary>
    public EntityFeedOptions Feeds { get; set; } = new();

    /// <summary>
    /// The loop guard's hop limit: how many bot or entity messages in a row (with no human message
    /// between them) one channel or thread may deliver to entities. Past it, bot and entity messages
    /// there reach no entity's feed until a human speaks or the channel is quiet for
    /// <see cref="LoopCooldown"/>. Default <see cref="DefaultMaxBotHops"/>.
    /// </summary>
    [Range(1, 1000)]
    public int MaxBotHops { get; set; } = DefaultMaxBotHops;

    /// <summary>How long a channel must go without bot or entity messages before its hop count restarts. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoopCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many ids of messages that entities posted are remembered (to keep an entity's own
    /// messages out of its feed and to recognise replies to it). Default <see cref="DefaultOwnMessageMemory"/>.
    /// </summary>
    [Range(100, 10_000_000)]
    public int OwnMessageMemory { get; set; } = DefaultOwnMessageMemory;

    /// <summary>How long a message an entity is about to post is awaited on the Gateway before it is forgotten. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ExpectedMessageLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often an API key's last-used time is written to the store at most (it is not needed on
    /// every request). Default 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan KeyLastUsedInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest content <c>send_message</c> and <c>send_dm</c> accept, in characters; longer content
    /// is refused with an error that says so. Content longer than one Discord message (2000
    /// characters; 4096 in a DM's embed) is split, each part one send against the entity's rate
    /// limit. Default <see cref="DefaultMaxMessageLength"/>.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = DefaultMaxMessageLength;

    /// <summary>
    /// How long the record of which entity sent which message is kept (for replies to it, DM routing
    /// and provenance); older records are pruned daily. Default 365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan SentMessageRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The longest a <c>wait_for_messages</c>-style long poll may wait. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(5);
}
