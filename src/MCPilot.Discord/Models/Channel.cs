namespace MCPilot.Discord.Models;

/// <summary>
/// A channel of any type: guild text/voice/category/forum channels, DMs, and threads (whose
/// <see cref="ParentId"/> is the text or forum channel they live in).
/// </summary>
public sealed class Channel
{
    /// <summary>The channel's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The channel's type.</summary>
    public ChannelType Type { get; init; }

    /// <summary>The guild's id; absent for DMs (and on some Gateway payloads).</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The sorting position.</summary>
    public int? Position { get; init; }

    /// <summary>Explicit permission overwrites for members and roles.</summary>
    public IReadOnlyList<PermissionOverwrite>? PermissionOverwrites { get; init; }

    /// <summary>The channel's name (null for DMs).</summary>
    public string? Name { get; init; }

    /// <summary>The channel topic (forum guidelines for forums).</summary>
    public string? Topic { get; init; }

    /// <summary>Whether the channel is age-restricted.</summary>
    public bool? Nsfw { get; init; }

    /// <summary>The id of the last message sent (it may no longer exist).</summary>
    public ulong? LastMessageId { get; init; }

    /// <summary>Slowmode in seconds.</summary>
    public int? RateLimitPerUser { get; init; }

    /// <summary>The recipients of a DM.</summary>
    public IReadOnlyList<User>? Recipients { get; init; }

    /// <summary>For a guild channel, its category; for a thread, the channel it was created in.</summary>
    public ulong? ParentId { get; init; }

    /// <summary>The id of the creator of a thread or group DM.</summary>
    public ulong? OwnerId { get; init; }

    /// <summary>The application that created a group DM.</summary>
    public ulong? ApplicationId { get; init; }

    /// <summary>Thread-only fields: archived, locked and when it auto-archives.</summary>
    public ThreadMetadata? ThreadMetadata { get; init; }

    /// <summary>Approximate messages in a thread (excluding the starter message).</summary>
    public int? MessageCount { get; init; }

    /// <summary>Approximate members of a thread (stops counting at 50).</summary>
    public int? MemberCount { get; init; }

    /// <summary>Messages ever sent in a thread.</summary>
    public int? TotalMessageSent { get; init; }

    /// <summary>The current user's thread membership, when it has joined.</summary>
    public ThreadMember? Member { get; init; }

    /// <summary>The default auto-archive duration for new threads, in minutes.</summary>
    public int? DefaultAutoArchiveDuration { get; init; }

    /// <summary>The computed permissions of the invoking user, on channels carried by interactions.</summary>
    public DiscordPermissions? Permissions { get; init; }

    /// <summary>The channel flags.</summary>
    public int? Flags { get; init; }

    /// <summary>The tags a forum or media channel offers.</summary>
    public IReadOnlyList<ForumTag>? AvailableTags { get; init; }

    /// <summary>The ids of the tags applied to a forum post (a thread in a forum).</summary>
    public IReadOnlyList<ulong>? AppliedTags { get; init; }

    /// <summary>Whether a <c>THREAD_CREATE</c> is for a thread created just now.</summary>
    public bool? NewlyCreated { get; init; }
}
