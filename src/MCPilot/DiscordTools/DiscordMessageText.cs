using System.Globalization;
using System.Text;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Models;
using MCPilot.Tools;

namespace MCPilot.DiscordTools;

/// <summary>How the Discord tools name channels and show Discord messages to a model.</summary>
internal static class DiscordMessageText
{
    /// <summary>A channel or thread as a model should see it: name, kind and id (and a thread's parent).</summary>
    public static string Label(CachedChannel channel)
    {
        var c = CultureInfo.InvariantCulture;
        var name = channel.Name ?? "(unnamed)";
        return channel.IsThread
            ? string.Create(c, $"thread \"{name}\" (thread {channel.Id} of channel {channel.ParentId})")
            : string.Create(c, $"#{name} (channel {channel.Id})");
    }

    /// <summary>Appends one message; <paramref name="who"/> says what its author is ("user 123", "you", "AI entity", "bot").</summary>
    public static void Append(StringBuilder text, Message message, string who)
    {
        var replyTo = message.MessageReference is { MessageId: { } referenced, Type: null or 0 } ? referenced : (ulong?)null;
        MessageLines.Append(text, message.Id, message.Timestamp, message.Author.DisplayName, who, null, replyTo, null, message.Content, Extras(message));
    }

    /// <summary>What the author of <paramref name="message"/> is, given which entity (if any) sent it (see <see cref="MessageLines.Who"/>).</summary>
    public static string Who(Message message, EntityId? sender, EntityId self, string? senderName) =>
        MessageLines.Who(sender, self, senderName, message.Author.DisplayName, message.Author.Id, message.WebhookId is not null, message.Author.Bot is true);

    private static string? Extras(Message message)
    {
        var parts = new List<string>(3);
        if (message.Attachments.Count > 0)
        {
            parts.Add("attachments: " + string.Join(", ", message.Attachments.Select(a => $"{a.Filename} <{a.Url}>")));
        }

        foreach (var embed in message.Embeds)
        {
            var title = embed.Author?.Name ?? embed.Title;
            var body = embed.Description is { Length: > 0 } d ? (d.Length > 300 ? d[..300] + "…" : d) : null;
            parts.Add("embed: " + string.Join(" — ", new[] { title, body }.Where(s => !string.IsNullOrWhiteSpace(s))));
        }

        if (message.Reactions is { Count: > 0 } reactions)
        {
            parts.Add("reactions: " + string.Join(" ", reactions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{EmojiText(r.Emoji)}×{r.Count}"))));
        }

        return parts.Count == 0 ? null : "[" + string.Join("; ", parts) + "]";
    }

    private static string EmojiText(Emoji emoji) => emoji.Id is { } id ? string.Create(CultureInfo.InvariantCulture, $"{emoji.Name}:{id}") : emoji.Name ?? "?";
}
