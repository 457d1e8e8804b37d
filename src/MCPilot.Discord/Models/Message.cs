using System.Text.Json;
using System.Text.Json.Serialization;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Models;

/// <summary>A message in a channel, thread or DM, from REST or from the Gateway.</summary>
public sealed class Message
{
    /// <summary>The message's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The channel (or thread) it was sent in.</summary>
    public ulong ChannelId { get; init; }

    /// <summary>The guild it was sent in; Gateway events only (absent in REST responses and DMs).</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The type of the channel it was sent in; Gateway events only (tells a thread from a channel before any lookup).</summary>
    public ChannelType? ChannelType { get; init; }

    /// <summary>The author: a user, or for a webhook message the webhook's name and avatar.</summary>
    public User Author { get; init; } = new();

    /// <summary>The author's guild member; Gateway guild messages from users only.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The text (empty without the MESSAGE_CONTENT intent, except for DMs and mentions).</summary>
    public string Content { get; init; } = "";

    /// <summary>When it was sent.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>When it was last edited.</summary>
    public DateTimeOffset? EditedTimestamp { get; init; }

    /// <summary>Whether it is a text-to-speech message.</summary>
    public bool Tts { get; init; }

    /// <summary>Whether it mentions @everyone or @here (and the mention was allowed).</summary>
    public bool MentionEveryone { get; init; }

    /// <summary>The users it mentions (with their member on Gateway events).</summary>
    public IReadOnlyList<User> Mentions { get; init; } = [];

    /// <summary>The ids of the roles it mentions.</summary>
    public IReadOnlyList<ulong> MentionRoles { get; init; } = [];

    /// <summary>The attached files.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The embeds.</summary>
    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    /// <summary>The reactions, when there are any.</summary>
    public IReadOnlyList<Reaction>? Reactions { get; init; }

    /// <summary>The nonce the sender gave, echoed back (a string, whatever its wire type).</summary>
    [JsonConverter(typeof(NonceJsonConverter))]
    public string? Nonce { get; init; }

    /// <summary>Whether it is pinned.</summary>
    public bool Pinned { get; init; }

    /// <summary>The webhook that sent it, for webhook messages (MCPilot entities post this way).</summary>
    public ulong? WebhookId { get; init; }

    /// <summary>The message type (default, reply, slash-command response, ...).</summary>
    public MessageType Type { get; init; }

    /// <summary>The application that sent it, for interaction responses.</summary>
    public ulong? ApplicationId { get; init; }

    /// <summary>The message it replies to, crossposts or forwards.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>The message flags.</summary>
    public MessageFlags Flags { get; init; }

    /// <summary>
    /// The message this one replies to. Absent when it is no reply (or Discord did not resolve
    /// it); present and null when the replied-to message was deleted.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<Message?> ReferencedMessage { get; init; }

    /// <summary>The thread started from this message, when there is one.</summary>
    public Channel? Thread { get; init; }

    /// <summary>The message components (buttons, selects), as raw JSON.</summary>
    public IReadOnlyList<JsonElement>? Components { get; init; }

    /// <summary>The approximate position in a thread.</summary>
    public int? Position { get; init; }

    /// <summary>Metadata of the interaction this message answers.</summary>
    public JsonElement? InteractionMetadata { get; init; }

    /// <summary>Whether a webhook sent the message.</summary>
    public bool IsWebhookMessage => WebhookId is not null;
}
