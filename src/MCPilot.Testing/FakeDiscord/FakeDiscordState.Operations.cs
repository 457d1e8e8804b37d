using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>The changes both the seeding API and the REST API make (callers hold the lock).</summary>
public sealed partial class FakeDiscordState
{
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);

    private FakeChannel CreateThreadLocked(FakeChannel parent, string name, ulong owner, bool isPrivate, string? starterContent, int autoArchive)
    {
        if (parent.GuildId is not { } guildId || parent.IsThread || parent.Type is FakeChannelType.Category or FakeChannelType.Voice)
        {
            throw new FakeDiscordError(400, 50024, "Cannot execute action on this channel type");
        }

        var forum = parent.Type is FakeChannelType.Forum or FakeChannelType.Media;
        if (forum && starterContent is null)
        {
            throw FakeDiscordError.InvalidForm("message", "BASE_TYPE_REQUIRED", "This field is required");
        }

        var type = parent.Type == FakeChannelType.Announcement ? FakeChannelType.AnnouncementThread : isPrivate && !forum ? FakeChannelType.PrivateThread : FakeChannelType.PublicThread;
        var thread = new FakeChannel(NextId(), guildId, type, name, parent.Id, 0, owner, null, false, false) { };
        _channels[thread.Id] = thread;
        _channelMessages[thread.Id] = [];
        _threadArchive[thread.Id] = autoArchive;
        var payload = RenderChannel(thread);
        payload["newly_created"] = true;
        Publish("THREAD_CREATE", payload, guildId);
        if (forum)
        {
            // A forum post's first message has the thread's id, as on Discord.
            CreateMessageLocked(thread, owner, starterContent!, null, null, null, null, null, null, null, 0, messageId: thread.Id);
        }

        return thread;
    }

    private readonly Dictionary<ulong, int> _threadArchive = [];

    private FakeChannel OpenDmLocked(ulong userId)
    {
        if (_dmChannels.TryGetValue(userId, out var existing))
        {
            return _channels[existing];
        }

        var dm = new FakeChannel(NextId(), null, FakeChannelType.DirectMessage, null, null, 0, null, userId, false, false);
        _channels[dm.Id] = dm;
        _channelMessages[dm.Id] = [];
        _dmChannels[userId] = dm.Id;
        return dm;
    }

    /// <summary>Stores a message, works out its mentions under <paramref name="allowedMentions"/>, and publishes MESSAGE_CREATE.</summary>
    private FakeMessage CreateMessageLocked(
        FakeChannel channel,
        ulong authorId,
        string content,
        JsonObject? allowedMentions,
        JsonObject? reference,
        JsonArray? embeds,
        string? nonce,
        FakeWebhook? webhook,
        string? username,
        string? avatarUrl,
        int flags,
        ulong? messageId = null,
        ulong? interactionId = null,
        bool stored = true)
    {
        ulong? replyTo = null;
        if (reference?["message_id"] is { } referenced)
        {
            var id = ParseId(referenced.GetValue<string>(), "message_reference.message_id");
            var failIfMissing = reference["fail_if_not_exists"]?.GetValue<bool>() ?? true;
            if (_messages.TryGetValue(id, out var target) && target.ChannelId == channel.Id)
            {
                replyTo = id;
            }
            else if (failIfMissing)
            {
                throw FakeDiscordError.InvalidForm("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message");
            }
        }

        var (everyone, users, roles) = Mentions(channel, content, allowedMentions, replyTo);
        var message = new FakeMessage(messageId ?? NextId(), channel.Id, channel.GuildId, webhook?.Id ?? authorId, content, Now())
        {
            WebhookId = webhook?.Id,
            Username = username,
            AvatarUrl = avatarUrl,
            Nonce = nonce,
            ReplyToId = replyTo,
            Type = interactionId is not null ? 20 : replyTo is not null ? 19 : 0,
            Flags = flags,
            MentionEveryone = everyone,
            MentionUserIds = users,
            MentionRoleIds = roles,
            Embeds = embeds is null ? [] : [.. embeds.OfType<JsonObject>().Select(NormalizeEmbed)],
            ApplicationId = interactionId is not null ? ApplicationId : webhook?.ApplicationId,
            InteractionId = interactionId,
        };
        _messages[message.Id] = message;
        if (stored)
        {
            _channelMessages[channel.Id].Add(message.Id);
            Publish("MESSAGE_CREATE", RenderMessageEvent(message), channel.GuildId);
        }

        return message;
    }

    private (bool Everyone, IReadOnlyList<ulong> Users, IReadOnlyList<ulong> Roles) Mentions(FakeChannel channel, string content, JsonObject? allowed, ulong? replyTo)
    {
        // Without allowed_mentions everything in the content pings (and a reply pings its author);
        // with it, only what "parse" names or the users/roles lists allow, and replied_user decides the reply.
        var parse = allowed?["parse"] is JsonArray p ? p.Select(x => x?.GetValue<string>()).ToHashSet() : null;
        var allowUsers = allowed?["users"] is JsonArray u ? u.Select(x => ulong.Parse(x!.GetValue<string>(), CultureInfo.InvariantCulture)).ToHashSet() : [];
        var allowRoles = allowed?["roles"] is JsonArray r ? r.Select(x => ulong.Parse(x!.GetValue<string>(), CultureInfo.InvariantCulture)).ToHashSet() : [];
        bool Parses(string kind) => allowed is null || (parse?.Contains(kind) ?? false);

        var everyone = (content.Contains("@everyone", StringComparison.Ordinal) || content.Contains("@here", StringComparison.Ordinal)) && Parses("everyone") && channel.GuildId is not null;
        var users = new List<ulong>();
        foreach (Match m in UserMention().Matches(content))
        {
            var id = ulong.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (_users.ContainsKey(id) && (Parses("users") || allowUsers.Contains(id)) && !users.Contains(id))
            {
                users.Add(id);
            }
        }

        if (replyTo is { } reply && (allowed is null || allowed["replied_user"]?.GetValue<bool>() == true))
        {
            var author = _messages[reply].AuthorId;
            if (_users.ContainsKey(author) && !users.Contains(author))
            {
                users.Add(author);
            }
        }

        var roles = new List<ulong>();
        foreach (Match m in RoleMention().Matches(content))
        {
            var id = ulong.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (_roles.TryGetValue(id, out var role) && role.GuildId == channel.GuildId && (Parses("roles") || allowRoles.Contains(id)) && !roles.Contains(id))
            {
                roles.Add(id);
            }
        }

        return (everyone, users, roles);
    }

    private static JsonObject NormalizeEmbed(JsonObject embed)
    {
        var copy = (JsonObject)embed.DeepClone();
        copy["type"] = "rich";
        if (copy["fields"] is JsonArray fields)
        {
            foreach (var field in fields.OfType<JsonObject>())
            {
                field["inline"] ??= false;
            }
        }

        return copy;
    }

    private void AddReactionLocked(FakeChannel channel, ulong messageId, ulong userId, string emoji)
    {
        var message = RequireMessage(channel, messageId);
        var (key, emojiJson) = ResolveEmoji(emoji);
        var reactions = message.Reactions.ToList();
        var index = reactions.FindIndex(r => r.Emoji == key);
        if (index >= 0 && reactions[index].UserIds.Contains(userId))
        {
            return;
        }

        if (index >= 0)
        {
            reactions[index] = reactions[index] with { UserIds = [.. reactions[index].UserIds, userId] };
        }
        else
        {
            reactions.Add(new FakeReaction(key, [userId]));
        }

        _messages[messageId] = message with { Reactions = reactions };
        var payload = ReactionPayload(channel, messageId, userId, emojiJson);
        payload["message_author_id"] = Id(message.AuthorId);
        if (channel.GuildId is { } guild && _members.TryGetValue((guild, userId), out var member))
        {
            payload["member"] = RenderMember(member);
        }

        Publish("MESSAGE_REACTION_ADD", payload, channel.GuildId);
    }

    private void RemoveReactionLocked(FakeChannel channel, ulong messageId, ulong userId, string emoji)
    {
        var message = RequireMessage(channel, messageId);
        var (key, emojiJson) = ResolveEmoji(emoji);
        var reactions = message.Reactions.ToList();
        var index = reactions.FindIndex(r => r.Emoji == key);
        if (index < 0 || !reactions[index].UserIds.Contains(userId))
        {
            return;
        }

        var remaining = reactions[index].UserIds.Where(u => u != userId).ToList();
        if (remaining.Count == 0)
        {
            reactions.RemoveAt(index);
        }
        else
        {
            reactions[index] = reactions[index] with { UserIds = remaining };
        }

        _messages[messageId] = message with { Reactions = reactions };
        Publish("MESSAGE_REACTION_REMOVE", ReactionPayload(channel, messageId, userId, emojiJson), channel.GuildId);
    }

    /// <summary>The fields MESSAGE_REACTION_ADD and MESSAGE_REACTION_REMOVE share.</summary>
    private static JsonObject ReactionPayload(FakeChannel channel, ulong messageId, ulong userId, JsonObject emoji)
    {
        var payload = new JsonObject
        {
            ["user_id"] = Id(userId),
            ["channel_id"] = Id(channel.Id),
            ["message_id"] = Id(messageId),
            ["emoji"] = emoji,
            ["burst"] = false,
            ["type"] = 0,
        };
        if (channel.GuildId is { } guild)
        {
            payload["guild_id"] = Id(guild);
        }

        return payload;
    }

    /// <summary>The stored key ("👍" or "name:id") and Gateway emoji of a reaction; custom emojis must exist.</summary>
    private (string Key, JsonObject Json) ResolveEmoji(string emoji)
    {
        var colon = emoji.LastIndexOf(':');
        if (colon > 0 && ulong.TryParse(emoji.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (!_emojis.TryGetValue(id, out var custom))
            {
                throw FakeDiscordError.NotFound(10014, "Emoji");
            }

            return ($"{custom.Name}:{Id(id)}", new JsonObject { ["id"] = Id(id), ["name"] = custom.Name, ["animated"] = custom.Animated });
        }

        if (emoji.Length == 0 || emoji.All(char.IsAscii))
        {
            throw FakeDiscordError.NotFound(10014, "Emoji");
        }

        return (emoji, new JsonObject { ["id"] = null, ["name"] = emoji });
    }

    private FakeWebhook CreateWebhookLocked(FakeChannel channel, string name, ulong? applicationId, ulong creatorId)
    {
        if (channel.GuildId is not { } guild || channel.IsThread || channel.Type is FakeChannelType.Category)
        {
            throw new FakeDiscordError(400, 50024, "Cannot execute action on this channel type");
        }

        if (_webhooks.Values.Count(w => w.ChannelId == channel.Id) >= 15)
        {
            throw new FakeDiscordError(400, 30007, "Maximum number of webhooks reached (15)");
        }

        var webhook = new FakeWebhook(NextId(), guild, channel.Id, name, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 68), applicationId, creatorId);
        _webhooks[webhook.Id] = webhook;
        Publish("WEBHOOKS_UPDATE", new JsonObject { ["guild_id"] = Id(guild), ["channel_id"] = Id(channel.Id) }, guild);
        return webhook;
    }

    private void DeleteWebhookLocked(ulong webhookId)
    {
        if (!_webhooks.Remove(webhookId, out var webhook))
        {
            throw FakeDiscordError.NotFound(10015, "Webhook");
        }

        Publish("WEBHOOKS_UPDATE", new JsonObject { ["guild_id"] = Id(webhook.GuildId), ["channel_id"] = Id(webhook.ChannelId) }, webhook.GuildId);
    }

    private FakeMessage RequireMessage(FakeChannel channel, ulong messageId)
        => _messages.TryGetValue(messageId, out var message) && message.ChannelId == channel.Id && _channelMessages[channel.Id].Contains(messageId)
            ? message
            : throw FakeDiscordError.NotFound(10008, "Message");

    private static ulong ParseId(string? value, string field)
        => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw FakeDiscordError.InvalidForm(field, "NUMBER_TYPE_COERCE", $"Value \"{value}\" is not snowflake.");

    [GeneratedRegex(@"<@!?(\d{1,20})>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&(\d{1,20})>")]
    private static partial Regex RoleMention();
}
