using MCPilot.Discord.Models;

namespace MCPilot.Discord.Webhooks;

/// <summary>How to post as an identity.</summary>
public sealed class WebhookPostOptions
{
    /// <summary>
    /// The message this post answers. Webhooks cannot reply natively, so the first part carries
    /// a quote of that message (its author, a link and the start of its text), as PluralKit does.
    /// </summary>
    public ulong? ReplyTo { get; init; }

    /// <summary>Which mentions ping. Default <see cref="AllowedMentions.UsersOnly"/>: never @everyone, @here or roles.</summary>
    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Embeds to attach to the last part (up to 10, or 9 with a reply quote).</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Sends without push and desktop notifications.</summary>
    public bool SuppressNotifications { get; init; }
}
