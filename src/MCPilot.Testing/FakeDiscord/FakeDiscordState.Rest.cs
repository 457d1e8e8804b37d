using System.Globalization;
using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>The REST API over the state: each handler runs under the state's lock and answers like Discord.</summary>
public sealed partial class FakeDiscordState
{
    /// <summary>
    /// Discord's documented limit for message content. The OpenAPI spec says 4000 for bot
    /// messages; the docs say 2000, and where they disagree the docs win.
    /// </summary>
    internal const int MaxContentLength = 2000;

    internal string GatewayUrl { get; set; } = "ws://127.0.0.1";

    internal FakeResponse Handle(Func<FakeRequest, FakeResponse> handler, FakeRequest request)
    {
        lock (_gate)
        {
            return handler(request);
        }
    }

    internal FakeResponse GetGateway(FakeRequest request) => FakeResponse.Ok(new JsonObject { ["url"] = GatewayUrl });

    /// <summary>The Gateway settings <c>/gateway/bot</c> reports (set by the server from its options).</summary>
    internal FakeGatewayOptions GatewayOptions { get; set; } = new();

    private int _sessionStartsRemaining = -1;
    private DateTimeOffset _sessionStartsResetAt;

    internal FakeResponse GetGatewayBot(FakeRequest request)
    {
        RefreshSessionStarts();
        return FakeResponse.Ok(new JsonObject
        {
            ["url"] = GatewayUrl,
            ["shards"] = GatewayOptions.RecommendedShards,
            ["session_start_limit"] = new JsonObject
            {
                ["total"] = GatewayOptions.SessionStartLimit,
                ["remaining"] = _sessionStartsRemaining,
                ["reset_after"] = (long)Math.Max(0, (_sessionStartsResetAt - Now()).TotalMilliseconds),
                ["max_concurrency"] = GatewayOptions.MaxConcurrency,
            },
        });
    }

    /// <summary>Starts a new day of session starts when the last one ran out (callers hold the lock).</summary>
    private void RefreshSessionStarts()
    {
        if (_sessionStartsRemaining < 0 || Now() >= _sessionStartsResetAt)
        {
            _sessionStartsRemaining = GatewayOptions.SessionStartLimit;
            _sessionStartsResetAt = Now() + TimeSpan.FromHours(24);
        }
    }

    internal FakeResponse GetCurrentUser(FakeRequest request) => FakeResponse.Ok(RenderCurrentUser());

    internal FakeResponse GetCurrentApplication(FakeRequest request) => FakeResponse.Ok(RenderApplication());

    internal FakeResponse GetCurrentUserGuilds(FakeRequest request)
    {
        var limit = request.QueryInt("limit", 200, 1, 200);
        var after = request.QueryId("after") ?? 0;
        var before = request.QueryId("before") ?? ulong.MaxValue;
        var guilds = _guilds.Values.Where(g => g.Id > after && g.Id < before).OrderBy(g => g.Id).Take(limit);
        return FakeResponse.Ok(new JsonArray([.. guilds.Select(g => (JsonNode)RenderPartialGuild(g))]));
    }

    internal FakeResponse GetGuild(FakeRequest request) => FakeResponse.Ok(RenderGuild(Guild(request)));

    internal FakeResponse GetGuildChannels(FakeRequest request)
    {
        var guild = Guild(request);
        var channels = _channels.Values.Where(c => c.GuildId == guild.Id && !c.IsThread && !_denied.Contains((c.Id, FakeBotPermission.ViewChannel))).OrderBy(c => c.Position);
        return FakeResponse.Ok(new JsonArray([.. channels.Select(c => (JsonNode)RenderChannel(c))]));
    }

    internal FakeResponse GetActiveThreads(FakeRequest request)
    {
        var guild = Guild(request);
        var threads = _channels.Values.Where(c => c.GuildId == guild.Id && c.IsThread && !c.Archived && !_denied.Contains((c.ParentId!.Value, FakeBotPermission.ViewChannel))).OrderBy(c => c.Id).ToList();
        var members = threads.Where(t => t.OwnerId == BotUser.Id).Select(t => (JsonNode)new JsonObject
        {
            ["id"] = Id(t.Id),
            ["user_id"] = Id(BotUser.Id),
            ["join_timestamp"] = Timestamp(SnowflakeTime(t.Id)),
            ["flags"] = 0,
        });
        return FakeResponse.Ok(new JsonObject
        {
            ["threads"] = new JsonArray([.. threads.Select(t => (JsonNode)RenderChannel(t))]),
            ["members"] = new JsonArray([.. members]),
            ["has_more"] = false,
        });
    }

    internal FakeResponse ListMembers(FakeRequest request)
    {
        var guild = Guild(request);
        var limit = request.QueryInt("limit", 1, 1, 1000);
        var after = request.QueryId("after") ?? 0;
        var members = _members.Values.Where(m => m.GuildId == guild.Id && m.UserId > after).OrderBy(m => m.UserId).Take(limit);
        return FakeResponse.Ok(new JsonArray([.. members.Select(m => (JsonNode)RenderMember(m))]));
    }

    internal FakeResponse GetMember(FakeRequest request)
    {
        var guild = Guild(request);
        var userId = request.Id("user_id");
        return _members.TryGetValue((guild.Id, userId), out var member)
            ? FakeResponse.Ok(RenderMember(member))
            : throw FakeDiscordError.NotFound(_users.ContainsKey(userId) ? 10007 : 10013, _users.ContainsKey(userId) ? "Member" : "User");
    }

    internal FakeResponse GetRoles(FakeRequest request)
    {
        var guild = Guild(request);
        return FakeResponse.Ok(new JsonArray([.. _roles.Values.Where(r => r.GuildId == guild.Id).OrderBy(r => r.Position).Select(r => (JsonNode)RenderRole(r))]));
    }

    internal FakeResponse GetChannel(FakeRequest request) => FakeResponse.Ok(RenderChannel(Channel(request, FakeBotPermission.ViewChannel)));

    internal FakeResponse GetChannelMessages(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.ViewChannel);
        var limit = request.QueryInt("limit", 50, 1, 100);
        if (_denied.Contains((channel.Id, FakeBotPermission.ReadMessageHistory)))
        {
            // Without Read Message History, Discord answers an empty list.
            return FakeResponse.Ok(new JsonArray());
        }

        var ids = _channelMessages[channel.Id];
        IEnumerable<ulong> page;
        if (request.QueryId("around") is { } around)
        {
            var index = ids.FindIndex(id => id >= around);
            index = index < 0 ? ids.Count : index;
            var start = Math.Max(0, index - (limit / 2));
            page = ids.Skip(start).Take(limit).Reverse();
        }
        else if (request.QueryId("after") is { } after)
        {
            page = ids.Where(id => id > after).Take(limit).Reverse();
        }
        else
        {
            var before = request.QueryId("before") ?? ulong.MaxValue;
            page = ids.Where(id => id < before).Reverse().Take(limit);
        }

        return FakeResponse.Ok(new JsonArray([.. page.Select(id => (JsonNode)RenderMessage(_messages[id]))]));
    }

    internal FakeResponse GetChannelMessage(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.ViewChannel);
        if (_denied.Contains((channel.Id, FakeBotPermission.ReadMessageHistory)))
        {
            throw FakeDiscordError.MissingAccess();
        }

        return FakeResponse.Ok(RenderMessage(RequireMessage(channel, request.Id("message_id"))));
    }

    internal FakeResponse CreateChannelMessage(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.SendMessages);
        var body = request.Object;
        var content = CheckMessageBody(body, "content");
        if (channel.Type is FakeChannelType.Forum or FakeChannelType.Media or FakeChannelType.Category)
        {
            throw new FakeDiscordError(400, 50024, "Cannot execute action on this channel type");
        }

        UnarchiveForPost(channel);
        var nonce = body["nonce"] is JsonValue n ? n.ToString() : null;
        if (nonce is { Length: > 25 })
        {
            throw FakeDiscordError.InvalidForm("nonce", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        if (nonce is not null && body["enforce_nonce"]?.GetValue<bool>() == true)
        {
            // enforce_nonce: a repeat of a recent nonce by the same author returns the first message.
            var now = Now();
            foreach (var stale in _nonces.Where(p => now - p.Value.At > NonceLifetime).Select(p => p.Key).ToList())
            {
                _nonces.Remove(stale);
            }

            if (_nonces.TryGetValue((BotUser.Id, nonce), out var seen) && _messages.TryGetValue(seen.MessageId, out var existing))
            {
                return FakeResponse.Ok(RenderMessage(existing));
            }
        }

        var message = CreateMessageLocked(
            channel,
            BotUser.Id,
            content,
            body["allowed_mentions"] as JsonObject,
            body["message_reference"] as JsonObject,
            body["embeds"] as JsonArray,
            nonce,
            webhook: null,
            username: null,
            avatarUrl: null,
            flags: CheckFlags(body));
        if (nonce is not null)
        {
            _nonces[(BotUser.Id, nonce)] = (message.Id, message.Timestamp);
        }

        return FakeResponse.Ok(RenderMessage(message));
    }

    internal FakeResponse EditChannelMessage(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.ViewChannel);
        var message = RequireMessage(channel, request.Id("message_id"));
        if (message.AuthorId != BotUser.Id || message.WebhookId is not null)
        {
            throw new FakeDiscordError(403, 50005, "Cannot edit a message authored by another user");
        }

        return FakeResponse.Ok(RenderMessage(EditMessageLocked(message, request.Object)));
    }

    internal FakeResponse DeleteChannelMessage(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.ViewChannel);
        var message = RequireMessage(channel, request.Id("message_id"));
        if (message.AuthorId != BotUser.Id)
        {
            throw FakeDiscordError.MissingPermissions();
        }

        DeleteMessageLocked(message);
        return FakeResponse.NoContent;
    }

    internal FakeResponse AddOwnReaction(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.AddReactions);
        AddReactionLocked(channel, request.Id("message_id"), BotUser.Id, request.Route["emoji_name"]);
        return FakeResponse.NoContent;
    }

    internal FakeResponse RemoveOwnReaction(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.ViewChannel);
        RemoveReactionLocked(channel, request.Id("message_id"), BotUser.Id, request.Route["emoji_name"]);
        return FakeResponse.NoContent;
    }

    internal FakeResponse CreateThreadWithoutMessage(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.SendMessages);
        var body = request.Object;
        var name = request.String("name");
        if (name is not { Length: >= 1 and <= 100 })
        {
            throw FakeDiscordError.InvalidForm("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }

        var forum = channel.Type is FakeChannelType.Forum or FakeChannelType.Media;
        string? starter = null;
        if (forum)
        {
            var message = body["message"] as JsonObject ?? throw FakeDiscordError.InvalidForm("message", "BASE_TYPE_REQUIRED", "This field is required");
            starter = CheckMessageBody(message, "message.content");
        }

        var isPrivate = body["type"]?.GetValue<int>() == (int)FakeChannelType.PrivateThread;
        var archive = body["auto_archive_duration"]?.GetValue<int>() ?? 1440;
        var thread = CreateThreadLocked(channel, name, BotUser.Id, isPrivate, starter, archive);
        return new FakeResponse(201, RenderChannel(thread));
    }

    internal FakeResponse CreateDm(FakeRequest request)
    {
        var recipient = request.String("recipient_id");
        var userId = ParseId(recipient, "recipient_id");
        if (!_users.TryGetValue(userId, out var user))
        {
            throw FakeDiscordError.NotFound(10013, "User");
        }

        if (user.Bot)
        {
            throw new FakeDiscordError(400, 50007, "Cannot send messages to this user");
        }

        return FakeResponse.Ok(RenderChannel(OpenDmLocked(userId)));
    }

    internal FakeResponse GetChannelWebhooks(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.ManageWebhooks);
        return FakeResponse.Ok(new JsonArray([.. _webhooks.Values.Where(w => w.ChannelId == channel.Id).OrderBy(w => w.Id).Select(w => (JsonNode)RenderWebhook(w, withToken: true))]));
    }

    internal FakeResponse CreateChannelWebhook(FakeRequest request)
    {
        var channel = Channel(request, FakeBotPermission.ManageWebhooks);
        var name = request.String("name");
        CheckName(name, "name", required: true);
        return FakeResponse.Ok(RenderWebhook(CreateWebhookLocked(channel, name!, ApplicationId, BotUser.Id), withToken: true));
    }

    internal FakeResponse GetWebhook(FakeRequest request) => FakeResponse.Ok(RenderWebhook(Webhook(request, token: false), withToken: true));

    internal FakeResponse DeleteWebhookRoute(FakeRequest request)
    {
        DeleteWebhookLocked(Webhook(request, token: false).Id);
        return FakeResponse.NoContent;
    }

    internal FakeResponse GetWebhookWithToken(FakeRequest request) => FakeResponse.Ok(RenderWebhook(Webhook(request, token: true), withToken: true, withUser: false));

    internal FakeResponse ExecuteWebhook(FakeRequest request)
    {
        if (request.Id("webhook_id") == ApplicationId && !_webhooks.ContainsKey(ApplicationId))
        {
            return CreateFollowup(request);
        }

        var webhook = Webhook(request, token: true);
        var body = request.Object;
        var content = CheckMessageBody(body, "content");
        var username = request.String("username");
        CheckName(username, "username", required: false);
        var avatarUrl = request.String("avatar_url");
        if (avatarUrl is not null && (!Uri.TryCreate(avatarUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw FakeDiscordError.InvalidForm("avatar_url", "URL_TYPE_INVALID_URL", "Not a well formed URL.");
        }

        var channel = _channels[webhook.ChannelId];
        var forum = channel.Type is FakeChannelType.Forum or FakeChannelType.Media;
        if (request.QueryId("thread_id") is { } threadId)
        {
            if (!_channels.TryGetValue(threadId, out var thread) || !thread.IsThread || thread.ParentId != webhook.ChannelId)
            {
                throw FakeDiscordError.NotFound(10003, "Channel");
            }

            channel = thread;
        }
        else if (forum)
        {
            var threadName = request.String("thread_name") ?? throw new FakeDiscordError(400, 220001, "Webhooks posted to forum channels must have a thread_name or thread_id");
            channel = CreateThreadLocked(channel, threadName, BotUser.Id, false, "", 4320);
        }

        if (channel.Locked)
        {
            throw new FakeDiscordError(403, 160005, "Thread is locked");
        }

        UnarchiveForPost(channel);
        var message = CreateMessageLocked(channel, webhook.Id, content, body["allowed_mentions"] as JsonObject, null, body["embeds"] as JsonArray, null, webhook, username, avatarUrl, CheckFlags(body));
        return request.QueryFlag("wait") ? FakeResponse.Ok(RenderMessage(message)) : FakeResponse.NoContent;
    }

    internal FakeResponse GetWebhookMessage(FakeRequest request) => FakeResponse.Ok(RenderMessage(WebhookMessage(request)));

    internal FakeResponse EditWebhookMessage(FakeRequest request)
    {
        var message = WebhookMessage(request);
        if (request.Object["content"] is not null)
        {
            CheckMessageBody(request.Object, "content");
        }

        return FakeResponse.Ok(RenderMessage(EditMessageLocked(message, request.Object)));
    }

    internal FakeResponse DeleteWebhookMessage(FakeRequest request)
    {
        DeleteMessageLocked(WebhookMessage(request));
        return FakeResponse.NoContent;
    }

    internal FakeResponse GetCommands(FakeRequest request)
    {
        var guild = Application(request);
        return FakeResponse.Ok(new JsonArray([.. _commands.Values.Where(c => c.GuildId == guild).OrderBy(c => c.Id).Select(c => (JsonNode)RenderCommand(c))]));
    }

    internal FakeResponse OverwriteCommands(FakeRequest request)
    {
        var guild = Application(request);
        var definitions = request.Body as JsonArray ?? throw new FakeDiscordError(400, 50035, "Invalid Form Body");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i] as JsonObject ?? throw FakeDiscordError.InvalidForm(i.ToString(CultureInfo.InvariantCulture), "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            var name = definition["name"]?.GetValue<string>();
            var type = definition["type"]?.GetValue<int>() ?? 1;
            if (name is not { Length: >= 1 and <= 32 } || (type == 1 && (name != name.ToLowerInvariant() || name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '\'')))))
            {
                throw FakeDiscordError.InvalidForm($"{i}.name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }

            var description = definition["description"]?.GetValue<string>() ?? "";
            if (type == 1 && description.Length is < 1 or > 100)
            {
                throw FakeDiscordError.InvalidForm($"{i}.description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }

            if (!names.Add(type + ":" + name))
            {
                throw FakeDiscordError.InvalidForm($"{i}.name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }
        }

        var previous = _commands.Values.Where(c => c.GuildId == guild).ToDictionary(c => c.Name);
        foreach (var old in previous.Values)
        {
            _commands.Remove(old.Id);
        }

        var result = new JsonArray();
        foreach (JsonObject definition in definitions.Cast<JsonObject>())
        {
            var name = definition["name"]!.GetValue<string>();
            var clean = (JsonObject)definition.DeepClone();
            clean.Remove("id");
            var command = previous.TryGetValue(name, out var kept)
                ? kept with { Definition = clean, Version = JsonNode.DeepEquals(kept.Definition, clean) ? kept.Version : NextId() }
                : new FakeCommand(NextId(), guild, name, clean, 0);
            if (command.Version == 0)
            {
                command = command with { Version = NextId() };
            }

            _commands[command.Id] = command;
            result.Add(RenderCommand(command));
        }

        return FakeResponse.Ok(result);
    }

    internal FakeResponse InteractionCallback(FakeRequest request)
    {
        var interaction = InteractionByToken(request.Id("interaction_id"), request.Route["interaction_token"]);
        if (interaction.ResponseType is not null)
        {
            throw new FakeDiscordError(400, 40060, "Interaction has already been acknowledged.");
        }

        if (Now() - interaction.CreatedAt > InteractionWindow)
        {
            throw FakeDiscordError.NotFound(10062, "interaction");
        }

        var body = request.Object;
        var type = body["type"]?.GetValue<int>() ?? throw FakeDiscordError.InvalidForm("type", "BASE_TYPE_REQUIRED", "This field is required");
        var data = body["data"] as JsonObject ?? new JsonObject();
        var channel = _channels[interaction.ChannelId];
        ulong? original = null;
        switch (type)
        {
            case 4:
                var content = CheckMessageBody(data, "data.content");
                var flags = CheckFlags(data);
                original = CreateMessageLocked(channel, BotUser.Id, content, data["allowed_mentions"] as JsonObject, null, data["embeds"] as JsonArray, null, null, null, null, flags, interactionId: interaction.Id, stored: (flags & 64) == 0).Id;
                break;
            case 5:
                var deferredFlags = 128 | (CheckFlags(data) & 64);
                original = CreateMessageLocked(channel, BotUser.Id, "", null, null, null, null, null, null, null, deferredFlags, interactionId: interaction.Id, stored: (deferredFlags & 64) == 0).Id;
                break;
            case 6 or 7:
                throw new FakeDiscordError(400, 50035, "Invalid Form Body: a command interaction has no message to update");
            case 8 or 9:
                break;
            default:
                throw FakeDiscordError.InvalidForm("type", "BASE_TYPE_CHOICES", "Value must be one of {4, 5, 6, 7, 8, 9, 10, 12}.");
        }

        _interactions[interaction.Id] = interaction with { ResponseType = type, OriginalMessageId = original };
        return FakeResponse.NoContent;
    }

    private FakeResponse CreateFollowup(FakeRequest request)
    {
        var interaction = InteractionByFollowupToken(request.Route["webhook_token"]);
        var body = request.Object;
        var content = CheckMessageBody(body, "content");
        var flags = CheckFlags(body);
        var message = CreateMessageLocked(_channels[interaction.ChannelId], BotUser.Id, content, body["allowed_mentions"] as JsonObject, null, body["embeds"] as JsonArray, null, null, null, null, flags, interactionId: interaction.Id, stored: (flags & 64) == 0);
        _interactions[interaction.Id] = interaction with { FollowupMessageIds = [.. interaction.FollowupMessageIds, message.Id] };
        return FakeResponse.Ok(RenderMessage(message));
    }

    private FakeMessage EditMessageLocked(FakeMessage message, JsonObject body)
    {
        var channel = _channels[message.ChannelId];
        var content = body.ContainsKey("content") ? body["content"]?.GetValue<string>() ?? "" : message.Content;
        var (everyone, users, roles) = Mentions(channel, content, body["allowed_mentions"] as JsonObject, message.ReplyToId);
        var edited = message with
        {
            Content = content,
            Embeds = body.ContainsKey("embeds") ? body["embeds"] is JsonArray e ? [.. e.OfType<JsonObject>().Select(NormalizeEmbed)] : [] : message.Embeds,
            Flags = message.Flags & ~128,
            MentionEveryone = everyone,
            MentionUserIds = users,
            MentionRoleIds = roles,
            EditedTimestamp = Now(),
        };
        _messages[message.Id] = edited;
        if (_channelMessages[channel.Id].Contains(message.Id))
        {
            Publish("MESSAGE_UPDATE", RenderMessageEvent(edited), channel.GuildId);
        }

        return edited;
    }

    private void DeleteMessageLocked(FakeMessage message)
    {
        var stored = _channelMessages[message.ChannelId].Remove(message.Id);
        _messages.Remove(message.Id);
        if (stored)
        {
            var payload = new JsonObject { ["id"] = Id(message.Id), ["channel_id"] = Id(message.ChannelId) };
            if (message.GuildId is { } guild)
            {
                payload["guild_id"] = Id(guild);
            }

            Publish("MESSAGE_DELETE", payload, message.GuildId);
        }
    }

    private FakeMessage WebhookMessage(FakeRequest request)
    {
        var messageRoute = request.Route["message_id"];
        if (request.Id("webhook_id") == ApplicationId && !_webhooks.ContainsKey(ApplicationId))
        {
            var interaction = InteractionByFollowupToken(request.Route["webhook_token"]);
            var id = messageRoute == "@original"
                ? interaction.OriginalMessageId ?? throw FakeDiscordError.NotFound(10008, "Message")
                : request.Id("message_id");
            return _messages.TryGetValue(id, out var m) && m.InteractionId == interaction.Id ? m : throw FakeDiscordError.NotFound(10008, "Message");
        }

        var webhook = Webhook(request, token: true);
        var messageId = request.Id("message_id");
        if (!_messages.TryGetValue(messageId, out var message) || message.WebhookId != webhook.Id)
        {
            throw FakeDiscordError.NotFound(10008, "Message");
        }

        var expectedChannel = request.QueryId("thread_id") ?? webhook.ChannelId;
        return message.ChannelId == expectedChannel ? message : throw FakeDiscordError.NotFound(10008, "Message");
    }

    private FakeInteraction InteractionByToken(ulong id, string token)
        => _interactions.TryGetValue(id, out var interaction) && FakeTokens.Equal(interaction.Token, token)
            ? interaction
            : throw FakeDiscordError.NotFound(10062, "interaction");

    private FakeInteraction InteractionByFollowupToken(string token)
    {
        var interaction = _interactions.Values.FirstOrDefault(i => FakeTokens.Equal(i.Token, token));
        if (interaction is null || Now() - interaction.CreatedAt > TimeSpan.FromMinutes(15))
        {
            throw FakeDiscordError.NotFound(10015, "Webhook");
        }

        return interaction;
    }

    private void UnarchiveForPost(FakeChannel channel)
    {
        if (!channel.IsThread)
        {
            return;
        }

        if (channel.Locked)
        {
            throw new FakeDiscordError(403, 160005, "Thread is locked");
        }

        if (channel.Archived)
        {
            var open = channel with { Archived = false };
            _channels[channel.Id] = open;
            Publish("THREAD_UPDATE", RenderChannel(open), channel.GuildId);
        }
    }

    private FakeGuild Guild(FakeRequest request)
        => _guilds.TryGetValue(request.Id("guild_id"), out var guild) ? guild : throw FakeDiscordError.NotFound(10004, "Guild");

    private FakeChannel Channel(FakeRequest request, FakeBotPermission needed)
    {
        if (!_channels.TryGetValue(request.Id("channel_id"), out var channel))
        {
            throw FakeDiscordError.NotFound(10003, "Channel");
        }

        var permissionChannel = channel.IsThread ? channel.ParentId!.Value : channel.Id;
        if (channel.Type == FakeChannelType.DirectMessage)
        {
            return channel;
        }

        if (_denied.Contains((permissionChannel, FakeBotPermission.ViewChannel)) || (channel.Type == FakeChannelType.PrivateThread && channel.OwnerId != BotUser.Id))
        {
            throw FakeDiscordError.MissingAccess();
        }

        if (_denied.Contains((permissionChannel, needed)))
        {
            throw FakeDiscordError.MissingPermissions();
        }

        return channel;
    }

    private FakeWebhook Webhook(FakeRequest request, bool token)
    {
        if (!_webhooks.TryGetValue(request.Id("webhook_id"), out var webhook))
        {
            throw FakeDiscordError.NotFound(10015, "Webhook");
        }

        if (token && !FakeTokens.Equal(webhook.Token, request.Route["webhook_token"]))
        {
            throw new FakeDiscordError(401, 50027, "Invalid Webhook Token");
        }

        if (!token && _denied.Contains((webhook.ChannelId, FakeBotPermission.ManageWebhooks)))
        {
            throw FakeDiscordError.MissingPermissions();
        }

        return webhook;
    }

    private ulong? Application(FakeRequest request)
    {
        if (request.Id("application_id") != ApplicationId)
        {
            throw new FakeDiscordError(403, 50001, "Missing Access");
        }

        return request.Route.ContainsKey("guild_id") ? Guild(request).Id : null;
    }

    /// <summary>Checks content, embeds and emptiness like Discord, and returns the content ("" when absent).</summary>
    private static string CheckMessageBody(JsonObject body, string contentPath)
    {
        var content = body["content"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        if (content.Length > MaxContentLength)
        {
            throw FakeDiscordError.InvalidForm(contentPath, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxContentLength} or fewer in length.");
        }

        var embeds = body["embeds"] as JsonArray;
        if (embeds is { Count: > 10 })
        {
            throw FakeDiscordError.InvalidForm("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }

        var hasComponents = body["components"] is JsonArray { Count: > 0 };
        if (content.Trim().Length == 0 && embeds is not { Count: > 0 } && !hasComponents)
        {
            throw new FakeDiscordError(400, 50006, "Cannot send an empty message");
        }

        return content;
    }

    private static int CheckFlags(JsonObject body)
    {
        var flags = body["flags"]?.GetValue<int>() ?? 0;
        const int allowed = 4 | 64 | 4096;
        return (flags & ~allowed) != 0
            ? throw FakeDiscordError.InvalidForm("flags", "MESSAGE_FLAGS_INVALID", "Invalid flags.")
            : flags;
    }

    /// <summary>Webhook names and username overrides: 1-80 characters, never "clyde" or "discord" (case-insensitive).</summary>
    private static void CheckName(string? name, string field, bool required)
    {
        if (name is null)
        {
            if (required)
            {
                throw FakeDiscordError.InvalidForm(field, "BASE_TYPE_REQUIRED", "This field is required");
            }

            return;
        }

        if (name.Length is < 1 or > 80)
        {
            throw FakeDiscordError.InvalidForm(field, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 80 in length.");
        }

        foreach (var word in new[] { "clyde", "discord" })
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                throw FakeDiscordError.InvalidForm(field, "USERNAME_INVALID_CONTAINS", $"Username cannot contain \"{word}\"");
            }
        }
    }
}
