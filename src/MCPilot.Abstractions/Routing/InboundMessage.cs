namespace MCPilot.Routing;

/// <summary>
/// A message seen in a guild channel or thread, or a direct message to the bot, as the router
/// needs it: the compact form a Gateway <c>MESSAGE_CREATE</c> is mapped to. Snowflakes are
/// <see cref="ulong"/>.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>The guild the message was posted in; <see langword="null"/> for a direct message to the bot.</summary>
    public required ulong? GuildId { get; init; }

    /// <summary>The channel, the thread, or the DM channel the message was posted in.</summary>
    public required ulong ChannelId { get; init; }

    /// <summary>For a message in a thread, the thread's parent channel (policy is the parent's); otherwise <see langword="null"/>.</summary>
    public ulong? ParentChannelId { get; init; }

    /// <summary>The message's id.</summary>
    public required ulong MessageId { get; init; }

    /// <summary>The author's user id (for a webhook message, the webhook's id).</summary>
    public required ulong AuthorId { get; init; }

    /// <summary>The author's display name (for a webhook message, the name it was posted under).</summary>
    public required string AuthorName { get; init; }

    /// <summary>Whether the author is a bot account (webhook messages count as bots).</summary>
    public bool AuthorIsBot { get; init; }

    /// <summary>The webhook that posted the message, if a webhook did.</summary>
    public ulong? WebhookId { get; init; }

    /// <summary>The text of the message.</summary>
    public string Content { get; init; } = string.Empty;

    /// <summary>The users the message mentions.</summary>
    public IReadOnlyList<ulong> MentionedUserIds { get; init; } = [];

    /// <summary>The roles the message mentions.</summary>
    public IReadOnlyList<ulong> MentionedRoleIds { get; init; } = [];

    /// <summary>The message this one replies to, if it is a reply.</summary>
    public ulong? ReferencedMessageId { get; init; }

    /// <summary>When the message was posted.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The channel whose policy applies: the parent for a thread, else the channel itself.</summary>
    public ulong PolicyChannelId => ParentChannelId ?? ChannelId;

    /// <summary>Whether it is a direct message to the bot (no guild): routed by <c>read_dms</c> rules, not by channel policy.</summary>
    public bool IsDirectMessage => GuildId is null;
}
