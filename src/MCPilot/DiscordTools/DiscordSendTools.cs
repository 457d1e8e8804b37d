using System.ComponentModel;
using System.Globalization;
using MCPilot.Discord.Entities;
using MCPilot.Discord.Models;
using MCPilot.Discord.Webhooks;
using MCPilot.Tools;
using ModelContextProtocol.Server;

namespace MCPilot.DiscordTools;

/// <summary>The Discord tools that speak: post in a channel or thread, react, and send a direct message.</summary>
[McpServerToolType]
internal sealed class DiscordSendTools(IEntityDiscord discord)
{
    [McpServerTool(Name = "send_message", Title = "Send a message", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Posts a message in a channel or thread under your own name and avatar. Long text is split into several messages (each counts against your send limit). Mentions of @everyone, @here and roles never ping.")]
    public async Task<string> SendMessage(
        [Description("The channel or thread id (from list_channels). For a forum, use one of its posts (threads).")] string channel,
        [Description("The text to post (Discord markdown).")] string content,
        [Description("The id of a message in the same channel to reply to; the post then quotes it.")] string? reply_to = null,
        CancellationToken cancellationToken = default)
    {
        var channelId = ToolArguments.Id(channel, "channel", "channel or thread");
        var replyTo = ToolArguments.OptionalId(reply_to, "reply_to", "message");
        var result = await discord.SendMessageAsync(channelId, content, new WebhookPostOptions { ReplyTo = replyTo }, cancellationToken).ConfigureAwait(false);
        var target = await discord.GetChannelAsync(channelId, CancellationToken.None).ConfigureAwait(false);
        var ids = string.Join(", ", result.Messages.Select(m => string.Create(CultureInfo.InvariantCulture, $"[{m.Id}]")));
        var name = discord.Context.Entity.Name;
        return result.Messages.Count == 1
            ? $"Posted as {name} in {DiscordMessageText.Label(target)}: message {ids}."
            : string.Create(CultureInfo.InvariantCulture, $"Posted as {name} in {DiscordMessageText.Label(target)}, split into {result.Messages.Count} messages: {ids}.");
    }

    [McpServerTool(Name = "add_reaction", Title = "React to a message", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Adds an emoji reaction to a message in a channel or thread. Reactions show as the bot's (Discord has no per-identity reactions).")]
    public async Task<string> AddReaction(
        [Description("The channel or thread id the message is in.")] string channel,
        [Description("The message id (from read_messages).")] string message,
        [Description("A Unicode emoji such as 👍, or a custom emoji of the server as name:id or <:name:id>.")] string emoji,
        CancellationToken cancellationToken = default)
    {
        var channelId = ToolArguments.Id(channel, "channel", "channel or thread");
        var messageId = ToolArguments.Id(message, "message", "message");
        if (!ReactionEmoji.TryParse(emoji, out var parsed))
        {
            throw EntityToolException.InvalidArguments($"'emoji' must be a Unicode emoji such as 👍, or a custom emoji as name:id or <:name:id> (got \"{(emoji is { Length: > 40 } ? emoji[..40] + "…" : emoji)}\").");
        }

        await discord.AddReactionAsync(channelId, messageId, parsed, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"Reacted {parsed} to message [{messageId}] in channel {channelId}.");
    }

    [McpServerTool(Name = "send_dm", Title = "Send a direct message", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Sends a direct message to a member of one of your servers. It comes from the bot, showing your name and avatar; the member's replies arrive in read_dms.")]
    public async Task<string> SendDm(
        [Description("The user id of the member (message lines show it as (user 123)).")] string user,
        [Description("The text to send (Discord markdown).")] string content,
        CancellationToken cancellationToken = default)
    {
        var userId = ToolArguments.Id(user, "user", "user");
        var sent = await discord.SendDirectMessageAsync(userId, content, cancellationToken).ConfigureAwait(false);
        var ids = string.Join(", ", sent.Select(m => string.Create(CultureInfo.InvariantCulture, $"[{m.Id}]")));
        return string.Create(CultureInfo.InvariantCulture, $"Sent a direct message to user {userId} as {discord.Context.Entity.Name}: message {ids}. Their replies arrive in read_dms.");
    }
}
