using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>A message as FakeDiscord stored it.</summary>
/// <param name="Id">The message's id.</param>
/// <param name="ChannelId">The channel or thread.</param>
/// <param name="GuildId">The guild, or null in a DM.</param>
/// <param name="AuthorId">The author's user id (the webhook's id for webhook messages).</param>
/// <param name="Content">The text.</param>
/// <param name="Timestamp">When it was sent.</param>
public sealed record FakeMessage(ulong Id, ulong ChannelId, ulong? GuildId, ulong AuthorId, string Content, DateTimeOffset Timestamp)
{
    /// <summary>The webhook that posted it, or null.</summary>
    public ulong? WebhookId { get; init; }

    /// <summary>The name shown for a webhook message.</summary>
    public string? Username { get; init; }

    /// <summary>The avatar URL a webhook message was posted with.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>The nonce it was sent with.</summary>
    public string? Nonce { get; init; }

    /// <summary>The message it replies to.</summary>
    public ulong? ReplyToId { get; init; }

    /// <summary>The message type (0 default, 19 reply, 20 slash-command response).</summary>
    public int Type { get; init; }

    /// <summary>The message flags (64 ephemeral).</summary>
    public int Flags { get; init; }

    /// <summary>Whether @everyone/@here pinged.</summary>
    public bool MentionEveryone { get; init; }

    /// <summary>The users that were pinged.</summary>
    public IReadOnlyList<ulong> MentionUserIds { get; init; } = [];

    /// <summary>The roles that were pinged.</summary>
    public IReadOnlyList<ulong> MentionRoleIds { get; init; } = [];

    /// <summary>The embeds as sent (Discord's JSON).</summary>
    public IReadOnlyList<JsonObject> Embeds { get; init; } = [];

    /// <summary>The reactions.</summary>
    public IReadOnlyList<FakeReaction> Reactions { get; init; } = [];

    /// <summary>The application of an interaction response.</summary>
    public ulong? ApplicationId { get; init; }

    /// <summary>When it was last edited.</summary>
    public DateTimeOffset? EditedTimestamp { get; init; }

    /// <summary>The interaction it answers.</summary>
    public ulong? InteractionId { get; init; }
}
