using System.Globalization;
using System.Text;
using MCPilot.Routing;

namespace MCPilot.Tools;

/// <summary>Renders pages of an entity's feed or DMs for a model, one <see cref="MessageLines"/> line per message.</summary>
internal static class FeedText
{
    /// <summary>Renders <paramref name="page"/> under <paramref name="heading"/> (or <paramref name="empty"/> when it holds nothing).</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="heading">The first line, for a page with messages.</param>
    /// <param name="empty">The line for an empty page.</param>
    /// <param name="page">The messages.</param>
    /// <param name="names">Channel and entity names known without a request.</param>
    /// <param name="self">The entity the page is shown to.</param>
    public static void Append(StringBuilder text, string heading, string empty, FeedPage page, FeedNames names, EntityId self)
    {
        if (page.Messages.Count == 0)
        {
            text.AppendLine(empty);
        }
        else
        {
            text.AppendLine(heading);
            foreach (var item in page.Messages)
            {
                var m = item.Message;
                var who = MessageLines.Who(item.FromEntity, self, item.FromEntity is { } e ? names.Entity(e) : null, m.AuthorName, m.AuthorId, m.WebhookId is not null, m.AuthorIsBot);
                MessageLines.Append(text, m.MessageId, m.Timestamp, m.AuthorName, who, Where(m, names), m.ReferencedMessageId, Note(item.Mention), m.Content, null);
            }
        }

        if (page.Dropped > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"({page.Dropped} older messages were dropped because the feed was full; read more often, or ask the operator to raise MCPilot:Entities:FeedCapacity.)").AppendLine();
        }
    }

    private static string? Where(InboundMessage m, FeedNames names)
    {
        if (m.IsDirectMessage)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        return m.ParentChannelId is { } parent
            ? names.Channel(m.ChannelId) is { } thread
                ? string.Create(c, $"thread \"{thread}\" (thread {m.ChannelId} of channel {parent})")
                : string.Create(c, $"thread {m.ChannelId} of channel {parent}")
            : names.Channel(m.ChannelId) is { } channel
                ? string.Create(c, $"#{channel} (channel {m.ChannelId})")
                : string.Create(c, $"channel {m.ChannelId}");
    }

    private static string? Note(FeedMentionKind mention)
    {
        if ((mention & ~FeedMentionKind.Direct) == FeedMentionKind.None)
        {
            return null;
        }

        var parts = new List<string>(3);
        if (mention.HasFlag(FeedMentionKind.Reply))
        {
            parts.Add("replies to you");
        }

        if (mention.HasFlag(FeedMentionKind.Name))
        {
            parts.Add("names you");
        }

        if (mention.HasFlag(FeedMentionKind.Role))
        {
            parts.Add("mentions your role");
        }

        return string.Join(", ", parts);
    }
}
