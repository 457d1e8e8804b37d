using System.ComponentModel;
using System.Globalization;
using System.Text;
using MCPilot.Discord.Entities;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Entities;
using MCPilot.Tools;
using ModelContextProtocol.Server;

namespace MCPilot.DiscordTools;

/// <summary>The Discord tools that look around: the entity's servers, its channels and their messages.</summary>
[McpServerToolType]
internal sealed class DiscordChannelTools(IEntityDiscord discord, ChannelReadMarkers markers, EntityDirectory directory)
{
    /// <summary>The default number of messages read_messages returns.</summary>
    public const int DefaultReadLimit = 25;

    [McpServerTool(Name = "list_servers", Title = "List servers", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Lists the Discord servers you are present in, with their ids and which channels your policy allows there. Use a server id with list_channels.")]
    public async Task<string> ListServers(CancellationToken cancellationToken = default)
    {
        var entity = discord.Context.Entity;
        var guilds = await discord.ListServersAsync(cancellationToken).ConfigureAwait(false);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (entity.Guilds.Count == 0)
        {
            return $"{entity.Name} is in no server yet. An operator must add {entity.Name} to a server before it can read or post.";
        }

        text.Append(c, $"{entity.Name} is in {entity.Guilds.Count} server(s):").AppendLine();
        foreach (var guild in guilds)
        {
            var membership = entity.Membership(guild.Id)!;
            text.Append(c, $"- {guild.Name} (server {guild.Id}): ").Append(EntityInfoTools.Describe(membership.Policy));
            if (membership.MentionRoleId is { } role)
            {
                text.Append(c, $"; messages mentioning role {role} address you");
            }

            text.AppendLine();
        }

        foreach (var missing in entity.Guilds.Where(m => guilds.All(g => g.Id != m.GuildId)))
        {
            text.Append(c, $"- server {missing.GuildId}: the bot is not in this server, so {entity.Name} cannot use it until someone invites the bot.").AppendLine();
        }

        return text.ToString();
    }

    [McpServerTool(Name = "list_channels", Title = "List channels", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Lists the channels you may read and post in, with their active threads (and forum posts), by server. Use the channel or thread id with read_messages and send_message.")]
    public async Task<string> ListChannels(
        [Description("Only this server's channels (a server id from list_servers); omit for all your servers.")] string? server = null,
        CancellationToken cancellationToken = default)
    {
        var guildId = ToolArguments.OptionalId(server, "server", "server");
        var guilds = await discord.ListServersAsync(cancellationToken).ConfigureAwait(false);
        var channels = await discord.ListChannelsAsync(guildId, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        foreach (var group in channels.GroupBy(ch => ch.GuildId))
        {
            var name = guilds.FirstOrDefault(g => g.Id == group.Key)?.Name ?? "server";
            text.Append(c, $"{name} (server {group.Key}):").AppendLine();
            foreach (var channel in group)
            {
                text.Append(channel.Type.IsThread() ? "  - " : "- ").Append(Line(channel)).AppendLine();
            }
        }

        return text.Length == 0
            ? $"{discord.Context.Entity.Name} may use no channel {(guildId is null ? "in its servers" : "in that server")} that the bot can see. Ask an operator to check its channel policy and the bot's permissions."
            : text.ToString();
    }

    [McpServerTool(Name = "read_messages", Title = "Read messages", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Reads a channel's or thread's messages, oldest first: the newest ones, those before or after a message id, or those since you last read this channel. Each line starts with the message id in [brackets] (use it for reply_to, add_reaction, before and after).")]
    public async Task<string> ReadMessages(
        [Description("The channel or thread id (from list_channels).")] string channel,
        [Description("How many messages, 1 to 100.")] int limit = DefaultReadLimit,
        [Description("Only messages older than this message id.")] string? before = null,
        [Description("Only messages newer than this message id.")] string? after = null,
        [Description("Only messages newer than the last one you read in this channel with read_messages.")] bool since_last_read = false,
        CancellationToken cancellationToken = default)
    {
        var channelId = ToolArguments.Id(channel, "channel", "channel or thread");
        var count = ToolArguments.Count(limit, "limit", MessageQuery.MaxLimit);
        var beforeId = ToolArguments.OptionalId(before, "before", "message");
        var afterId = ToolArguments.OptionalId(after, "after", "message");
        if ((beforeId is not null ? 1 : 0) + (afterId is not null ? 1 : 0) + (since_last_read ? 1 : 0) > 1)
        {
            throw EntityToolException.InvalidArguments("Give at most one of 'before', 'after' and 'since_last_read'.");
        }

        var self = discord.Context.EntityId;
        if (since_last_read)
        {
            afterId = markers.Get(self, channelId);
        }

        var query = beforeId is { } b ? MessageQuery.BeforeMessage(b, count) : afterId is { } a ? MessageQuery.AfterMessage(a, count) : MessageQuery.Latest(count);
        var target = await discord.GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        var messages = (await discord.ReadMessagesAsync(channelId, query, cancellationToken).ConfigureAwait(false)).OrderBy(m => m.Id).ToList();
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (messages.Count == 0)
        {
            return $"{DiscordMessageText.Label(target)}: no {(afterId is not null ? "newer " : beforeId is not null ? "older " : string.Empty)}messages{(since_last_read ? " since your last read" : string.Empty)}.";
        }

        markers.Advance(self, channelId, messages[^1].Id);
        text.Append(c, $"{DiscordMessageText.Label(target)}: {messages.Count} message(s), oldest first:").AppendLine();
        foreach (var message in messages)
        {
            var sender = message.WebhookId is null ? null : await discord.FindSenderAsync(message.Id, cancellationToken).ConfigureAwait(false);
            DiscordMessageText.Append(text, message, DiscordMessageText.Who(message, sender, self, sender is { } other ? directory.Get(other)?.Name : null));
        }

        if (messages.Count == count)
        {
            text.AppendLine(afterId is not null
                ? string.Create(c, $"There may be newer messages: read_messages with after=\"{messages[^1].Id}\".")
                : string.Create(c, $"There may be older messages: read_messages with before=\"{messages[0].Id}\"."));
        }

        return text.ToString();
    }

    private static string Line(Channel channel)
    {
        var c = CultureInfo.InvariantCulture;
        var line = channel.Type switch
        {
            ChannelType.GuildForum or ChannelType.GuildMedia => string.Create(c, $"#{channel.Name} (channel {channel.Id}, forum: read and post in its posts below)"),
            ChannelType.GuildAnnouncement => string.Create(c, $"#{channel.Name} (channel {channel.Id}, announcements)"),
            _ when channel.Type.IsThread() => string.Create(c, $"{(channel.ThreadMetadata?.Locked is true ? "locked " : string.Empty)}thread \"{channel.Name}\" (thread {channel.Id})"),
            _ => string.Create(c, $"#{channel.Name} (channel {channel.Id})"),
        };
        return channel.Topic is { Length: > 0 } topic ? $"{line}: {(topic.Length > 120 ? topic[..120] + "…" : topic)}" : line;
    }
}
