using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>Renders the state in Discord's JSON shapes, with every field Discord's spec marks required.</summary>
public sealed partial class FakeDiscordState
{
    internal static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff+00:00", CultureInfo.InvariantCulture);

    internal JsonObject RenderUser(FakeUser user) => new()
    {
        ["id"] = Id(user.Id),
        ["username"] = user.Username,
        ["avatar"] = null,
        ["discriminator"] = "0",
        ["public_flags"] = 0,
        ["flags"] = 0,
        ["bot"] = user.Bot,
        ["banner"] = null,
        ["accent_color"] = null,
        ["global_name"] = user.GlobalName,
        ["avatar_decoration_data"] = null,
        ["collectibles"] = null,
        ["primary_guild"] = null,
    };

    internal JsonObject RenderCurrentUser()
    {
        var user = RenderUser(BotUser);
        user["mfa_enabled"] = true;
        user["locale"] = "en-US";
        user["verified"] = true;
        user["email"] = null;
        user["premium_type"] = 0;
        return user;
    }

    internal JsonObject RenderApplication() => new()
    {
        ["id"] = Id(ApplicationId),
        ["name"] = BotUser.Username,
        ["icon"] = null,
        ["description"] = "A bot served by MCPilot's FakeDiscord.",
        ["type"] = null,
        ["bot"] = RenderUser(BotUser),
        ["bot_public"] = false,
        ["bot_require_code_grant"] = false,
        ["verify_key"] = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(ApplicationId))),
        ["flags"] = (1 << 15) | (1 << 19),
        ["flags_new"] = ((1 << 15) | (1 << 19)).ToString(CultureInfo.InvariantCulture),
        ["redirect_uris"] = new JsonArray(),
        ["interactions_endpoint_url"] = null,
        ["role_connections_verification_url"] = null,
        ["owner"] = RenderUser(BotUser),
        ["approximate_guild_count"] = _guilds.Count,
        ["approximate_user_install_count"] = 0,
        ["approximate_user_authorization_count"] = 0,
        ["explicit_content_filter"] = 0,
        ["team"] = null,
        ["eligible_oauth2_scopes"] = new JsonArray("bot", "applications.commands"),
    };

    internal JsonObject RenderRole(FakeRole role) => new()
    {
        ["id"] = Id(role.Id),
        ["name"] = role.Name,
        ["permissions"] = Id(role.Permissions),
        ["position"] = role.Position,
        ["color"] = 0,
        ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
        ["hoist"] = false,
        ["managed"] = false,
        ["mentionable"] = role.Mentionable,
        ["icon"] = null,
        ["unicode_emoji"] = null,
        ["flags"] = 0,
    };

    internal JsonObject RenderMember(FakeMember member, bool withUser = true)
    {
        var json = new JsonObject
        {
            ["avatar"] = null,
            ["banner"] = null,
            ["communication_disabled_until"] = null,
            ["flags"] = 0,
            ["joined_at"] = Timestamp(member.JoinedAt),
            ["nick"] = member.Nick,
            ["pending"] = false,
            ["premium_since"] = null,
            ["roles"] = new JsonArray([.. member.Roles.Select(r => (JsonNode)Id(r))]),
            ["mute"] = false,
            ["deaf"] = false,
        };
        if (withUser)
        {
            json["user"] = RenderUser(_users[member.UserId]);
        }

        return json;
    }

    internal JsonObject RenderEmoji(FakeEmoji emoji) => new()
    {
        ["id"] = Id(emoji.Id),
        ["name"] = emoji.Name,
        ["roles"] = new JsonArray(),
        ["require_colons"] = true,
        ["managed"] = false,
        ["animated"] = emoji.Animated,
        ["available"] = true,
    };

    internal JsonObject RenderChannel(FakeChannel channel)
    {
        var json = new JsonObject
        {
            ["id"] = Id(channel.Id),
            ["type"] = (int)channel.Type,
            ["flags"] = 0,
            ["last_message_id"] = _channelMessages.TryGetValue(channel.Id, out var ids) && ids.Count > 0 ? Id(ids[^1]) : null,
        };
        if (channel.Type == FakeChannelType.DirectMessage)
        {
            json["recipients"] = new JsonArray(RenderUser(_users[channel.RecipientId!.Value]));
            return json;
        }

        json["guild_id"] = Id(channel.GuildId!.Value);
        json["name"] = channel.Name;
        json["parent_id"] = channel.ParentId is { } parent ? Id(parent) : null;
        json["rate_limit_per_user"] = 0;
        if (channel.IsThread)
        {
            var count = ids?.Count ?? 0;
            json["owner_id"] = Id(channel.OwnerId!.Value);
            json["thread_metadata"] = new JsonObject
            {
                ["archived"] = channel.Archived,
                ["archive_timestamp"] = Timestamp(Now()),
                ["auto_archive_duration"] = _threadArchive.GetValueOrDefault(channel.Id, 1440),
                ["locked"] = channel.Locked,
                ["create_timestamp"] = Timestamp(SnowflakeTime(channel.Id)),
            };
            json["message_count"] = count;
            json["member_count"] = 1;
            json["total_message_sent"] = count;
            if (_channels.TryGetValue(channel.ParentId!.Value, out var parentChannel) && parentChannel.Type is FakeChannelType.Forum or FakeChannelType.Media)
            {
                json["applied_tags"] = new JsonArray();
            }

            return json;
        }

        json["position"] = channel.Position;
        json["permission_overwrites"] = new JsonArray();
        json["nsfw"] = false;
        if (channel.Type is FakeChannelType.Text or FakeChannelType.Announcement or FakeChannelType.Forum or FakeChannelType.Media)
        {
            json["topic"] = null;
            json["default_auto_archive_duration"] = 1440;
        }

        if (channel.Type is FakeChannelType.Forum or FakeChannelType.Media)
        {
            json["available_tags"] = new JsonArray();
            json["default_reaction_emoji"] = null;
            json["default_sort_order"] = null;
            json["default_forum_layout"] = 0;
            json["default_thread_rate_limit_per_user"] = 0;
        }

        return json;
    }

    internal JsonObject RenderWebhook(FakeWebhook webhook, bool withToken, bool withUser = true)
    {
        var json = new JsonObject
        {
            ["application_id"] = webhook.ApplicationId is { } app ? Id(app) : null,
            ["avatar"] = null,
            ["channel_id"] = Id(webhook.ChannelId),
            ["guild_id"] = Id(webhook.GuildId),
            ["id"] = Id(webhook.Id),
            ["name"] = webhook.Name,
            ["type"] = 1,
        };
        if (withUser && _users.TryGetValue(webhook.CreatorId, out var creator))
        {
            json["user"] = RenderUser(creator);
        }

        if (withToken)
        {
            json["token"] = webhook.Token;
        }

        return json;
    }

    internal JsonObject RenderMessage(FakeMessage message, bool withReferenced = true)
    {
        JsonObject author;
        if (message.WebhookId is { } webhookId)
        {
            var webhookName = _webhooks.TryGetValue(webhookId, out var webhook) ? webhook.Name : "Deleted Webhook";
            author = new JsonObject
            {
                ["id"] = Id(webhookId),
                ["username"] = message.Username ?? webhookName,
                ["avatar"] = message.AvatarUrl is { } url ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32] : null,
                ["discriminator"] = "0000",
                ["public_flags"] = 0,
                ["flags"] = 0,
                ["bot"] = true,
                ["global_name"] = null,
                ["primary_guild"] = null,
            };
        }
        else
        {
            author = RenderUser(_users[message.AuthorId]);
        }

        var json = new JsonObject
        {
            ["type"] = message.Type,
            ["content"] = message.Content,
            ["mentions"] = new JsonArray([.. message.MentionUserIds.Select(u => (JsonNode)RenderUser(_users[u]))]),
            ["mention_roles"] = new JsonArray([.. message.MentionRoleIds.Select(r => (JsonNode)Id(r))]),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray([.. message.Embeds.Select(e => (JsonNode)e.DeepClone())]),
            ["timestamp"] = Timestamp(message.Timestamp),
            ["edited_timestamp"] = message.EditedTimestamp is { } edited ? Timestamp(edited) : null,
            ["flags"] = message.Flags,
            ["components"] = new JsonArray(),
            ["id"] = Id(message.Id),
            ["channel_id"] = Id(message.ChannelId),
            ["author"] = author,
            ["pinned"] = false,
            ["mention_everyone"] = message.MentionEveryone,
            ["tts"] = false,
        };
        if (message.Reactions.Count > 0)
        {
            json["reactions"] = new JsonArray([.. message.Reactions.Select(r => (JsonNode)RenderReaction(r))]);
        }

        if (message.Nonce is { } nonce)
        {
            json["nonce"] = nonce;
        }

        if (message.WebhookId is { } hook)
        {
            json["webhook_id"] = Id(hook);
        }

        if (message.ApplicationId is { } app)
        {
            json["application_id"] = Id(app);
        }

        if (_channels.TryGetValue(message.ChannelId, out var channel) && channel.IsThread)
        {
            json["position"] = _channelMessages[channel.Id].IndexOf(message.Id);
        }

        if (message.ReplyToId is { } reply)
        {
            var reference = new JsonObject { ["type"] = 0, ["channel_id"] = Id(message.ChannelId), ["message_id"] = Id(reply) };
            if (message.GuildId is { } guild)
            {
                reference["guild_id"] = Id(guild);
            }

            json["message_reference"] = reference;
            if (withReferenced)
            {
                // A deleted reply target is present and null, as on Discord.
                json["referenced_message"] = _messages.TryGetValue(reply, out var target) && _channelMessages[target.ChannelId].Contains(reply)
                    ? RenderMessage(target, withReferenced: false)
                    : null;
            }
        }

        return json;
    }

    /// <summary>A MESSAGE_CREATE payload: the message plus guild_id, channel_type, the author's member and mentioned members.</summary>
    internal JsonObject RenderMessageEvent(FakeMessage message)
    {
        var json = RenderMessage(message);
        if (_channels.TryGetValue(message.ChannelId, out var channel))
        {
            json["channel_type"] = (int)channel.Type;
        }

        if (message.GuildId is not { } guild)
        {
            return json;
        }

        json["guild_id"] = Id(guild);
        if (message.WebhookId is null && _members.TryGetValue((guild, message.AuthorId), out var member))
        {
            json["member"] = RenderMember(member, withUser: false);
        }

        if (json["mentions"] is JsonArray mentions)
        {
            foreach (var mention in mentions.OfType<JsonObject>())
            {
                var id = ulong.Parse(mention["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                if (_members.TryGetValue((guild, id), out var mentioned))
                {
                    mention["member"] = RenderMember(mentioned, withUser: false);
                }
            }
        }

        return json;
    }

    private JsonObject RenderReaction(FakeReaction reaction)
    {
        var colon = reaction.Emoji.LastIndexOf(':');
        var emoji = colon > 0
            ? new JsonObject { ["id"] = reaction.Emoji[(colon + 1)..], ["name"] = reaction.Emoji[..colon] }
            : new JsonObject { ["id"] = null, ["name"] = reaction.Emoji };
        return new JsonObject
        {
            ["emoji"] = emoji,
            ["count"] = reaction.UserIds.Count,
            ["count_details"] = new JsonObject { ["burst"] = 0, ["normal"] = reaction.UserIds.Count },
            ["burst_colors"] = new JsonArray(),
            ["me_burst"] = false,
            ["me"] = reaction.UserIds.Contains(BotUser.Id),
        };
    }

    internal JsonObject RenderGuild(FakeGuild guild)
    {
        var general = _channels.Values.Where(c => c.GuildId == guild.Id && c.Type == FakeChannelType.Text).OrderBy(c => c.Id).FirstOrDefault();
        return new JsonObject
        {
            ["id"] = Id(guild.Id),
            ["name"] = guild.Name,
            ["icon"] = null,
            ["description"] = null,
            ["home_header"] = null,
            ["splash"] = null,
            ["discovery_splash"] = null,
            ["features"] = new JsonArray(),
            ["banner"] = null,
            ["owner_id"] = Id(guild.OwnerId),
            ["application_id"] = null,
            ["region"] = "deprecated",
            ["afk_channel_id"] = null,
            ["afk_timeout"] = 300,
            ["system_channel_id"] = general is null ? null : Id(general.Id),
            ["system_channel_flags"] = 0,
            ["widget_enabled"] = false,
            ["widget_channel_id"] = null,
            ["verification_level"] = 0,
            ["roles"] = new JsonArray([.. _roles.Values.Where(r => r.GuildId == guild.Id).OrderBy(r => r.Position).Select(r => (JsonNode)RenderRole(r))]),
            ["default_message_notifications"] = 1,
            ["mfa_level"] = 0,
            ["explicit_content_filter"] = 0,
            ["max_presences"] = null,
            ["max_members"] = 500000,
            ["max_stage_video_channel_users"] = 50,
            ["max_video_channel_users"] = 25,
            ["vanity_url_code"] = null,
            ["premium_tier"] = 0,
            ["premium_subscription_count"] = 0,
            ["preferred_locale"] = "en-US",
            ["rules_channel_id"] = null,
            ["safety_alerts_channel_id"] = null,
            ["public_updates_channel_id"] = null,
            ["premium_progress_bar_enabled"] = false,
            ["nsfw"] = false,
            ["nsfw_level"] = 0,
            ["emojis"] = new JsonArray([.. _emojis.Values.Where(e => e.GuildId == guild.Id).Select(e => (JsonNode)RenderEmoji(e))]),
            ["stickers"] = new JsonArray(),
            ["incidents_data"] = null,
            ["approximate_member_count"] = _members.Keys.Count(k => k.Guild == guild.Id),
            ["approximate_presence_count"] = 0,
        };
    }

    internal JsonObject RenderPartialGuild(FakeGuild guild) => new()
    {
        ["id"] = Id(guild.Id),
        ["name"] = guild.Name,
        ["icon"] = null,
        ["banner"] = null,
        ["owner"] = guild.OwnerId == BotUser.Id,
        ["permissions"] = Id(EveryonePermissions | (1UL << 29) | (1UL << 13)),
        ["features"] = new JsonArray(),
    };

    private JsonObject RenderGuildCreate(FakeGuild guild)
    {
        var json = RenderGuild(guild);
        json["joined_at"] = Timestamp(_members.TryGetValue((guild.Id, BotUser.Id), out var bot) ? bot.JoinedAt : Now());
        json["large"] = false;
        json["unavailable"] = false;
        json["member_count"] = _members.Keys.Count(k => k.Guild == guild.Id);
        json["members"] = new JsonArray([.. _members.Values.Where(m => m.GuildId == guild.Id).Select(m => (JsonNode)RenderMember(m))]);
        json["channels"] = new JsonArray([.. _channels.Values.Where(c => c.GuildId == guild.Id && !c.IsThread).OrderBy(c => c.Id).Select(c => (JsonNode)RenderChannel(c))]);
        json["threads"] = new JsonArray([.. _channels.Values.Where(c => c.GuildId == guild.Id && c.IsThread && !c.Archived).OrderBy(c => c.Id).Select(c => (JsonNode)RenderChannel(c))]);
        json["presences"] = new JsonArray();
        json["voice_states"] = new JsonArray();
        json["stage_instances"] = new JsonArray();
        json["guild_scheduled_events"] = new JsonArray();
        json["soundboard_sounds"] = new JsonArray();
        return json;
    }

    internal JsonObject RenderCommand(FakeCommand command)
    {
        var json = (JsonObject)command.Definition.DeepClone();
        json["id"] = Id(command.Id);
        json["application_id"] = Id(ApplicationId);
        json["version"] = Id(command.Version);
        json["type"] ??= 1;
        json["description"] ??= "";
        // Requests may carry it as an integer (the spec) or a string (the docs); answers carry a string.
        json["default_member_permissions"] = json["default_member_permissions"] is JsonValue permissions ? permissions.ToString() : null;
        json["nsfw"] ??= false;
        json["integration_types"] ??= new JsonArray(0);
        json["contexts"] ??= null;
        if (command.GuildId is { } guild)
        {
            json["guild_id"] = Id(guild);
        }

        return json;
    }

    private JsonObject RenderInteraction(FakeInteraction interaction, IReadOnlyDictionary<string, object>? options)
    {
        var command = _commands.Values.FirstOrDefault(c => c.Name == interaction.CommandName && (c.GuildId is null || c.GuildId == interaction.GuildId));
        var data = new JsonObject
        {
            ["id"] = Id(command?.Id ?? 0),
            ["name"] = interaction.CommandName,
            ["type"] = 1,
        };
        if (options is { Count: > 0 })
        {
            data["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Key,
                ["type"] = o.Value switch { bool => 5, int or long => 4, double or float or decimal => 10, _ => 3 },
                ["value"] = JsonValue.Create(o.Value),
            })]);
        }

        if (interaction.GuildId is { } guildId)
        {
            data["guild_id"] = Id(guildId);
        }

        var json = new JsonObject
        {
            ["id"] = Id(interaction.Id),
            ["application_id"] = Id(ApplicationId),
            ["type"] = 2,
            ["data"] = data,
            ["channel_id"] = Id(interaction.ChannelId),
            ["channel"] = RenderChannel(_channels[interaction.ChannelId]),
            ["token"] = interaction.Token,
            ["version"] = 1,
            ["app_permissions"] = Id(EveryonePermissions | (1UL << 29)),
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = interaction.GuildId is { } g ? Id(g) : null },
            ["context"] = interaction.GuildId is null ? 1 : 0,
        };
        if (interaction.GuildId is { } guild)
        {
            json["guild_id"] = Id(guild);
            json["guild_locale"] = "en-US";
            var member = _members.TryGetValue((guild, interaction.UserId), out var m) ? RenderMember(m) : new JsonObject { ["user"] = RenderUser(_users[interaction.UserId]) };
            member["permissions"] = Id(EveryonePermissions | (_guilds[guild].OwnerId == interaction.UserId ? 1UL << 5 : 0));
            json["member"] = member;
        }
        else
        {
            json["user"] = RenderUser(_users[interaction.UserId]);
        }

        return json;
    }

    private static DateTimeOffset SnowflakeTime(ulong id) => DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + DiscordEpochMs);
}
