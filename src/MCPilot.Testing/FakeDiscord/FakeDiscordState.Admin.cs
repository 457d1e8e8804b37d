using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// What a guild's administrators (or Discord) do outside the bot's REST calls: rename or delete
/// channels and threads, rename the guild, remove the bot from it. Each publishes the dispatch
/// Discord sends, in Discord's shape.
/// </summary>
public sealed partial class FakeDiscordState
{
    /// <summary>Renames a channel or thread; publishes CHANNEL_UPDATE (THREAD_UPDATE for a thread) with the whole channel.</summary>
    public FakeChannel RenameChannel(ulong channelId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var channel = RequireChannel(channelId);
            if (channel.GuildId is not { } guild)
            {
                throw new ArgumentException($"Channel {channelId} is a DM: DMs have no name to change.", nameof(channelId));
            }

            channel = channel with { Name = name };
            _channels[channelId] = channel;
            Publish(channel.IsThread ? "THREAD_UPDATE" : "CHANNEL_UPDATE", RenderChannel(channel), guild);
            return channel;
        }
    }

    /// <summary>
    /// Deletes a channel with its messages and webhooks, and its threads with theirs. A channel
    /// publishes CHANNEL_DELETE (the whole channel); as on Discord, no THREAD_DELETE follows for its
    /// threads, which go with it. A thread publishes THREAD_DELETE with its id, guild_id, parent_id and type.
    /// </summary>
    public void DeleteChannel(ulong channelId)
    {
        lock (_gate)
        {
            var channel = RequireChannel(channelId);
            if (channel.GuildId is not { } guild)
            {
                throw new ArgumentException($"Channel {channelId} is a DM: DMs cannot be deleted.", nameof(channelId));
            }

            var payload = channel.IsThread
                ? new JsonObject
                {
                    ["id"] = Id(channel.Id),
                    ["guild_id"] = Id(guild),
                    ["parent_id"] = channel.ParentId is { } parent ? Id(parent) : null,
                    ["type"] = (int)channel.Type,
                }
                : RenderChannel(channel);
            foreach (var thread in _channels.Values.Where(c => c.IsThread && c.ParentId == channelId).ToList())
            {
                ForgetChannelLocked(thread.Id);
            }

            ForgetChannelLocked(channelId);
            Publish(channel.IsThread ? "THREAD_DELETE" : "CHANNEL_DELETE", payload, guild);
        }
    }

    /// <summary>Renames a guild; publishes GUILD_UPDATE with the guild (its roles and emojis, not its channels or members).</summary>
    public FakeGuild UpdateGuild(ulong guildId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var guild = RequireGuild(guildId) with { Name = name };
            _guilds[guildId] = guild;
            var payload = RenderGuild(guild);

            // Counts that only GET /guilds/{id}?with_counts=true carries.
            payload.Remove("approximate_member_count");
            payload.Remove("approximate_presence_count");
            Publish("GUILD_UPDATE", payload, guildId);
            return guild;
        }
    }

    /// <summary>
    /// Removes the bot from a guild (kicked, or the guild deleted): the guild and everything in it
    /// are gone; publishes GUILD_DELETE with only the guild's id (no <c>unavailable</c>, which is how
    /// Discord tells a removal from an outage).
    /// </summary>
    public void RemoveGuild(ulong guildId)
    {
        lock (_gate)
        {
            RequireGuild(guildId);
            foreach (var channel in _channels.Values.Where(c => c.GuildId == guildId).ToList())
            {
                ForgetChannelLocked(channel.Id);
            }

            foreach (var role in _roles.Values.Where(r => r.GuildId == guildId).ToList())
            {
                _roles.Remove(role.Id);
            }

            foreach (var member in _members.Keys.Where(k => k.Guild == guildId).ToList())
            {
                _members.Remove(member);
            }

            foreach (var emoji in _emojis.Values.Where(e => e.GuildId == guildId).ToList())
            {
                _emojis.Remove(emoji.Id);
            }

            foreach (var command in _commands.Values.Where(c => c.GuildId == guildId).ToList())
            {
                _commands.Remove(command.Id);
            }

            _guilds.Remove(guildId);
            Publish("GUILD_DELETE", new JsonObject { ["id"] = Id(guildId) }, guildId);
        }
    }

    /// <summary>Drops a channel or thread with its messages, webhooks and permission denials (no dispatch).</summary>
    private void ForgetChannelLocked(ulong channelId)
    {
        _channels.Remove(channelId);
        _threadArchive.Remove(channelId);
        if (_channelMessages.Remove(channelId, out var messages))
        {
            foreach (var message in messages)
            {
                _messages.Remove(message);
            }
        }

        foreach (var webhook in _webhooks.Values.Where(w => w.ChannelId == channelId).ToList())
        {
            _webhooks.Remove(webhook.Id);
        }

        _denied.RemoveWhere(d => d.Channel == channelId);
    }
}
