using System.Text.Json;
using MCPilot.Discord.Models;

namespace MCPilot.Discord.Rest;

/// <summary>
/// A message the bot posts (<c>POST /channels/{id}/messages</c>). The client always sends a
/// <see cref="Nonce"/> with <see cref="EnforceNonce"/>, so a retried send never posts twice.
/// </summary>
public sealed class CreateMessageRequest
{
    /// <summary>The text (up to 2000 characters).</summary>
    public string? Content { get; init; }

    /// <summary>Up to 10 embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Which mentions ping; null uses Discord's default (everything in the content pings).</summary>
    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>The message to reply to.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>Components, as raw JSON.</summary>
    public IReadOnlyList<JsonElement>? Components { get; init; }

    /// <summary>Flags (<see cref="MessageFlags.SuppressEmbeds"/>, <see cref="MessageFlags.SuppressNotifications"/>).</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>Whether the message is text-to-speech.</summary>
    public bool? Tts { get; init; }

    /// <summary>
    /// A unique value (up to 25 characters) that identifies this send. Leave it null: the client
    /// makes one. Give your own to make a send idempotent across process restarts.
    /// </summary>
    public string? Nonce { get; init; }

    /// <summary>Whether Discord must return the existing message for a nonce it saw in the last few minutes instead of posting again.</summary>
    public bool? EnforceNonce { get; init; }

    /// <summary>A reply to <paramref name="messageId"/>, not failing if it was deleted.</summary>
    public static MessageReference ReplyTo(ulong messageId) => new() { MessageId = messageId, FailIfNotExists = false };
}
