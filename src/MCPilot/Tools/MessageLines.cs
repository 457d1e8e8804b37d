using System.Globalization;
using System.Text;

namespace MCPilot.Tools;

/// <summary>
/// The one line (or block) per Discord message that entity tools and resources show a model:
/// <c>[id] 2026-11-22 06:01:05Z Alice (user 123) ↩ [98]: text</c>, continuation lines indented, so
/// the ids a model needs for its next call (reply_to, message, before/after) are always at hand.
/// </summary>
internal static class MessageLines
{
    /// <summary>The longest text shown per message; longer text is cut with a note.</summary>
    public const int MaxShownContent = 4000;

    /// <summary>
    /// What a message's author is, for the "(who)" of a line: "you", "AI entity" (with its name when
    /// the message shows another), "webhook", "bot", or "user 123".
    /// </summary>
    /// <param name="sender">The entity that sent the message, if one did.</param>
    /// <param name="self">The entity the line is shown to.</param>
    /// <param name="senderName">The sending entity's current name, if known.</param>
    /// <param name="authorName">The name the message shows.</param>
    /// <param name="authorId">The author's user (or webhook) id.</param>
    /// <param name="webhook">Whether a webhook posted it.</param>
    /// <param name="bot">Whether the author is a bot.</param>
    public static string Who(EntityId? sender, EntityId? self, string? senderName, string authorName, ulong authorId, bool webhook, bool bot) => sender switch
    {
        { } s when s == self => "you",
        not null => senderName is not null && senderName != authorName ? $"AI entity {senderName}" : "AI entity",
        _ when webhook => "webhook",
        _ when bot => "bot",
        _ => string.Create(CultureInfo.InvariantCulture, $"user {authorId}"),
    };

    /// <summary>Appends one message.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="messageId">The message's id.</param>
    /// <param name="at">When it was sent.</param>
    /// <param name="author">The author's display name.</param>
    /// <param name="who">What the author is: "user 123", "you", "AI entity", "bot".</param>
    /// <param name="where">Where it was posted, or null when the context says so.</param>
    /// <param name="replyTo">The message it replies to.</param>
    /// <param name="note">A note after the author (why it addresses the entity), or null.</param>
    /// <param name="content">The text.</param>
    /// <param name="extras">Attachments, embeds and reactions, already described, or null.</param>
    public static void Append(StringBuilder text, ulong messageId, DateTimeOffset at, string author, string who, string? where, ulong? replyTo, string? note, string content, string? extras)
    {
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"[{messageId}] {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {author} ({who})");
        if (where is not null)
        {
            text.Append(" in ").Append(where);
        }

        if (replyTo is { } reply)
        {
            text.Append(c, $" ↩ [{reply}]");
        }

        if (note is not null)
        {
            text.Append(" — ").Append(note);
        }

        text.Append(':');
        var shown = content.Length > MaxShownContent
            ? content[..MaxShownContent] + string.Create(c, $"… ({content.Length - MaxShownContent} more characters)")
            : content;
        if (shown.Length == 0)
        {
            text.Append(" (no text)");
        }
        else
        {
            text.Append(' ').Append(shown.ReplaceLineEndings("\n    "));
        }

        if (extras is not null)
        {
            text.Append(' ').Append(extras);
        }

        text.AppendLine();
    }
}
