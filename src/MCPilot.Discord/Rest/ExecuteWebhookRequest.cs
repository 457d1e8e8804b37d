using System.Text.Json;
using MCPilot.Discord.Models;

namespace MCPilot.Discord.Rest;

/// <summary>A message posted through a webhook (<c>POST /webhooks/{id}/{token}</c>), or an interaction follow-up.</summary>
public sealed class ExecuteWebhookRequest
{
    /// <summary>The text (up to 2000 characters).</summary>
    public string? Content { get; init; }

    /// <summary>The name shown for this message (1-80 characters, no "clyde" or "discord").</summary>
    public string? Username { get; init; }

    /// <summary>The avatar shown for this message (an http or https URL).</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>Whether the message is text-to-speech.</summary>
    public bool? Tts { get; init; }

    /// <summary>Up to 10 embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Which mentions ping; null uses Discord's default (everything in the content pings).</summary>
    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Components, as raw JSON.</summary>
    public IReadOnlyList<JsonElement>? Components { get; init; }

    /// <summary>Flags (<see cref="MessageFlags.SuppressEmbeds"/>, <see cref="MessageFlags.SuppressNotifications"/>, <see cref="MessageFlags.Ephemeral"/> for follow-ups).</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>For a forum or media webhook: the title of the post to create.</summary>
    public string? ThreadName { get; init; }

    /// <summary>For a forum or media webhook: the tags of the post to create.</summary>
    public IReadOnlyList<ulong>? AppliedTags { get; init; }
}
