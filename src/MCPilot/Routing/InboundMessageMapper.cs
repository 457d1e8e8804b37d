using MCPilot.Discord.Models;

namespace MCPilot.Routing;

/// <summary>
/// Maps a Discord message as a Gateway <c>MESSAGE_CREATE</c> carries it to the router's
/// <see cref="InboundMessage"/>, and says which messages are conversation at all (system messages
/// such as joins, pins and thread notices are not).
/// </summary>
internal static class InboundMessageMapper
{
    /// <summary>Whether the message is something people or entities said (default, reply, slash-command answers, thread starters).</summary>
    public static bool IsConversation(Message message) => message.Type is MessageType.Default or MessageType.Reply
        or MessageType.ChatInputCommand or MessageType.ContextMenuCommand or MessageType.ThreadStarterMessage;

    /// <summary>The router's form of <paramref name="message"/>; <paramref name="parentChannelId"/> is the parent of the thread it was posted in, if it was.</summary>
    public static InboundMessage Map(Message message, ulong? parentChannelId) => new()
    {
        GuildId = message.GuildId,
        ChannelId = message.ChannelId,
        ParentChannelId = parentChannelId,
        MessageId = message.Id,
        AuthorId = message.Author.Id,
        AuthorName = message.Member?.Nick ?? message.Author.DisplayName,
        AuthorIsBot = message.Author.Bot is true || message.WebhookId is not null,
        WebhookId = message.WebhookId,
        Content = message.Content,
        MentionedUserIds = [.. message.Mentions.Select(u => u.Id)],
        MentionedRoleIds = message.MentionRoles,
        ReferencedMessageId = message.MessageReference is { MessageId: { } referenced, Type: null or 0 } ? referenced : null,
        Timestamp = message.Timestamp,
    };
}
