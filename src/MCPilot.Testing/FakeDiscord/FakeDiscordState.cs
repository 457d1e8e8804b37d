using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// FakeDiscord's world: guilds, channels, threads, users, members, roles, emojis, messages,
/// reactions, webhooks, DMs, commands and interactions. Tests seed it and inject "human"
/// activity through the public methods; bots change it through the REST API. Every change
/// publishes its Gateway dispatch on <see cref="Events"/>. All members are thread-safe.
/// </summary>
public sealed partial class FakeDiscordState
{
    private const long DiscordEpochMs = 1_420_070_400_000;

    /// <summary>View, send, history, reactions, embeds, files, commands, public threads, send in threads.</summary>
    private const ulong EveryonePermissions = (1UL << 10) | (1UL << 11) | (1UL << 16) | (1UL << 6) | (1UL << 14) | (1UL << 15) | (1UL << 31) | (1UL << 35) | (1UL << 38);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<ulong, FakeUser> _users = [];
    private readonly Dictionary<ulong, FakeGuild> _guilds = [];
    private readonly Dictionary<ulong, FakeRole> _roles = [];
    private readonly Dictionary<(ulong Guild, ulong User), FakeMember> _members = [];
    private readonly Dictionary<ulong, FakeEmoji> _emojis = [];
    private readonly Dictionary<ulong, FakeChannel> _channels = [];
    private readonly Dictionary<ulong, List<ulong>> _channelMessages = [];
    private readonly Dictionary<ulong, FakeMessage> _messages = [];
    private readonly Dictionary<ulong, FakeWebhook> _webhooks = [];
    private readonly Dictionary<ulong, FakeCommand> _commands = [];
    private readonly Dictionary<ulong, FakeInteraction> _interactions = [];
    private readonly Dictionary<(ulong Author, string Nonce), (ulong MessageId, DateTimeOffset At)> _nonces = [];
    private readonly HashSet<(ulong Channel, FakeBotPermission Permission)> _denied = [];
    private readonly Dictionary<ulong, ulong> _dmChannels = [];
    private ulong _lastId;

    internal FakeDiscordState(TimeProvider time, ulong botUserId, string botUsername, TimeSpan interactionWindow)
    {
        _time = time;
        InteractionWindow = interactionWindow;
        BotUser = new FakeUser(botUserId == 0 ? NextId() : botUserId, botUsername, null, Bot: true);
        _users[BotUser.Id] = BotUser;
        _lastId = Math.Max(_lastId, BotUser.Id);
    }

    /// <summary>The bot's user.</summary>
    public FakeUser BotUser { get; }

    /// <summary>The bot's application id (the same as the bot user's id, as for every bot made since 2020).</summary>
    public ulong ApplicationId => BotUser.Id;

    /// <summary>The Gateway dispatches the state's changes produce.</summary>
    public FakeDiscordEvents Events { get; } = new();

    internal TimeSpan InteractionWindow { get; }

    /// <summary>The guilds, oldest first.</summary>
    public IReadOnlyList<FakeGuild> Guilds
    {
        get
        {
            lock (_gate)
            {
                return [.. _guilds.Values.OrderBy(g => g.Id)];
            }
        }
    }

    /// <summary>
    /// Creates a guild the bot is in (with its @everyone role); publishes GUILD_CREATE. Give an
    /// <paramref name="id"/> to place the guild on a chosen shard (<c>(id &gt;&gt; 22) % shards</c>).
    /// </summary>
    public FakeGuild CreateGuild(string name, ulong? ownerId = null, ulong? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            if (id is { } chosen && (chosen == 0 || _guilds.ContainsKey(chosen) || _users.ContainsKey(chosen) || _channels.ContainsKey(chosen)))
            {
                throw new ArgumentException($"Guild id {chosen} is zero or already used.", nameof(id));
            }

            var guild = new FakeGuild(id ?? NextId(), name, ownerId ?? BotUser.Id);
            _lastId = Math.Max(_lastId, guild.Id);
            _guilds[guild.Id] = guild;
            _roles[guild.Id] = new FakeRole(guild.Id, guild.Id, "@everyone", EveryonePermissions, 0, false);
            _members[(guild.Id, BotUser.Id)] = new FakeMember(guild.Id, BotUser.Id, [], null, Now());
            Publish("GUILD_CREATE", RenderGuildCreate(guild), guild.Id);
            return guild;
        }
    }

    /// <summary>Creates a channel in a guild; publishes CHANNEL_CREATE.</summary>
    public FakeChannel CreateChannel(ulong guildId, string name, FakeChannelType type = FakeChannelType.Text, ulong? parentId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            RequireGuild(guildId);
            if (type is FakeChannelType.DirectMessage or FakeChannelType.PublicThread or FakeChannelType.PrivateThread or FakeChannelType.AnnouncementThread)
            {
                throw new ArgumentException("Create threads with CreateThread and DMs with SendDirectMessage.", nameof(type));
            }

            var position = _channels.Values.Count(c => c.GuildId == guildId && !c.IsThread);
            var channel = new FakeChannel(NextId(), guildId, type, name, parentId, position, null, null, false, false);
            _channels[channel.Id] = channel;
            _channelMessages[channel.Id] = [];
            Publish("CHANNEL_CREATE", RenderChannel(channel), guildId);
            return channel;
        }
    }

    /// <summary>
    /// Creates a thread in a text or announcement channel, or a post in a forum or media channel
    /// (then <paramref name="starterContent"/>, by <paramref name="ownerId"/>, becomes its first
    /// message, whose id is the thread's); publishes THREAD_CREATE (and MESSAGE_CREATE).
    /// </summary>
    public FakeChannel CreateThread(ulong channelId, string name, ulong? ownerId = null, bool isPrivate = false, string? starterContent = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var parent = RequireChannel(channelId);
            var owner = ownerId ?? BotUser.Id;
            RequireUser(owner);
            return CreateThreadLocked(parent, name, owner, isPrivate, starterContent, 1440);
        }
    }

    /// <summary>Creates a user (a "human" by default).</summary>
    public FakeUser CreateUser(string username, string? globalName = null, bool bot = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        lock (_gate)
        {
            var user = new FakeUser(NextId(), username, globalName, bot);
            _users[user.Id] = user;
            return user;
        }
    }

    /// <summary>Adds a user to a guild with <paramref name="roleIds"/>; publishes GUILD_MEMBER_ADD.</summary>
    public FakeMember AddMember(ulong guildId, ulong userId, params ulong[] roleIds)
    {
        ArgumentNullException.ThrowIfNull(roleIds);
        lock (_gate)
        {
            RequireGuild(guildId);
            RequireUser(userId);
            foreach (var role in roleIds)
            {
                if (!_roles.TryGetValue(role, out var r) || r.GuildId != guildId)
                {
                    throw new ArgumentException($"Role {role} is not a role of guild {guildId}.", nameof(roleIds));
                }
            }

            var member = new FakeMember(guildId, userId, roleIds, null, Now());
            _members[(guildId, userId)] = member;
            var payload = RenderMember(member);
            payload["guild_id"] = Id(guildId);
            Publish("GUILD_MEMBER_ADD", payload, guildId);
            return member;
        }
    }

    /// <summary>Creates a role; publishes GUILD_ROLE_CREATE.</summary>
    public FakeRole CreateRole(ulong guildId, string name, ulong permissions = 0, bool mentionable = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            RequireGuild(guildId);
            var role = new FakeRole(NextId(), guildId, name, permissions, _roles.Values.Count(r => r.GuildId == guildId), mentionable);
            _roles[role.Id] = role;
            Publish("GUILD_ROLE_CREATE", new JsonObject { ["guild_id"] = Id(guildId), ["role"] = RenderRole(role) }, guildId);
            return role;
        }
    }

    /// <summary>Creates a custom emoji (reactions with it then need its name and id).</summary>
    public FakeEmoji CreateEmoji(ulong guildId, string name, bool animated = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            RequireGuild(guildId);
            var emoji = new FakeEmoji(NextId(), guildId, name, animated);
            _emojis[emoji.Id] = emoji;
            return emoji;
        }
    }

    /// <summary>A "human" posts in a channel or thread (optionally replying); publishes MESSAGE_CREATE.</summary>
    public FakeMessage PostUserMessage(ulong channelId, ulong userId, string content, ulong? replyTo = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var channel = RequireChannel(channelId);
            RequireUser(userId);
            if (channel.GuildId is { } guild && !_members.ContainsKey((guild, userId)))
            {
                throw new ArgumentException($"User {userId} is not a member of guild {guild}: call AddMember first.", nameof(userId));
            }

            var reference = replyTo is { } r ? new JsonObject { ["message_id"] = Id(r) } : null;
            return CreateMessageLocked(channel, userId, content, allowedMentions: null, reference, embeds: null, nonce: null, webhook: null, username: null, avatarUrl: null, flags: 0);
        }
    }

    /// <summary>A user DMs the bot (the DM channel is opened if needed); publishes MESSAGE_CREATE without a guild.</summary>
    public FakeMessage SendDirectMessage(ulong userId, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            RequireUser(userId);
            var dm = OpenDmLocked(userId);
            return CreateMessageLocked(dm, userId, content, null, null, null, null, null, null, null, 0);
        }
    }

    /// <summary>A user reacts to a message; publishes MESSAGE_REACTION_ADD.</summary>
    public void AddUserReaction(ulong channelId, ulong messageId, ulong userId, string emoji)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emoji);
        lock (_gate)
        {
            RequireUser(userId);
            AddReactionLocked(RequireChannel(channelId), messageId, userId, emoji);
        }
    }

    /// <summary>
    /// A user invokes the bot's slash command <paramref name="commandName"/> in a channel (with
    /// options by name: strings, numbers, booleans); publishes INTERACTION_CREATE. The bot must
    /// answer within <see cref="FakeDiscordOptions.InteractionResponseWindow"/>.
    /// </summary>
    public FakeInteraction CreateInteraction(ulong channelId, ulong userId, string commandName, IReadOnlyDictionary<string, object>? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandName);
        lock (_gate)
        {
            var channel = RequireChannel(channelId);
            RequireUser(userId);
            var token = "aW50ZXJhY3Rpb246" + RandomNumberGenerator.GetHexString(64, lowercase: true);
            var interaction = new FakeInteraction(NextId(), token, channelId, channel.GuildId, userId, commandName, Now());
            _interactions[interaction.Id] = interaction;
            Publish("INTERACTION_CREATE", RenderInteraction(interaction, options), channel.GuildId);
            return interaction;
        }
    }

    /// <summary>A person deletes a webhook (in Server Settings); publishes WEBHOOKS_UPDATE. Posting through it then fails with 10015.</summary>
    public void DeleteWebhook(ulong webhookId)
    {
        lock (_gate)
        {
            DeleteWebhookLocked(webhookId);
        }
    }

    /// <summary>A person creates a webhook in a channel (not owned by the bot's application); publishes WEBHOOKS_UPDATE.</summary>
    public FakeWebhook CreateUserWebhook(ulong channelId, string name, ulong? creatorId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            return CreateWebhookLocked(RequireChannel(channelId), name, null, creatorId ?? BotUser.Id);
        }
    }

    /// <summary>Takes a permission from the bot in a channel.</summary>
    public void DenyBotPermission(ulong channelId, FakeBotPermission permission)
    {
        lock (_gate)
        {
            RequireChannel(channelId);
            _denied.Add((channelId, permission));
        }
    }

    /// <summary>Gives a permission back to the bot in a channel.</summary>
    public void AllowBotPermission(ulong channelId, FakeBotPermission permission)
    {
        lock (_gate)
        {
            _denied.Remove((channelId, permission));
        }
    }

    /// <summary>Archives (or unarchives) a thread; publishes THREAD_UPDATE.</summary>
    public void SetThreadArchived(ulong threadId, bool archived, bool locked = false)
    {
        lock (_gate)
        {
            var thread = RequireChannel(threadId);
            if (!thread.IsThread)
            {
                throw new ArgumentException($"Channel {threadId} is not a thread.", nameof(threadId));
            }

            thread = thread with { Archived = archived, Locked = locked };
            _channels[threadId] = thread;
            Publish("THREAD_UPDATE", RenderChannel(thread), thread.GuildId);
        }
    }

    /// <summary>Creates a demo world: a guild with #general, #random, a thread, a forum with a post, two humans and a role.</summary>
    public FakeDemo SeedDemo(string guildName = "MCPilot Playground")
    {
        var alice = CreateUser("alice", "Alice");
        var bob = CreateUser("bob", "Bob");
        var guild = CreateGuild(guildName, alice.Id);
        var moderators = CreateRole(guild.Id, "Moderators", permissions: 1UL << 13);
        AddMember(guild.Id, alice.Id);
        AddMember(guild.Id, bob.Id, moderators.Id);
        var general = CreateChannel(guild.Id, "general");
        var random = CreateChannel(guild.Id, "random");
        var thread = CreateThread(general.Id, "entities-chat", alice.Id);
        var forum = CreateChannel(guild.Id, "ideas", FakeChannelType.Forum);
        var post = CreateThread(forum.Id, "What should the entities build?", alice.Id, starterContent: "Post your ideas here.");
        return new FakeDemo(guild, general, random, thread, forum, post, alice, bob, moderators);
    }

    /// <summary>A user, or null.</summary>
    public FakeUser? GetUser(ulong userId)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userId);
        }
    }

    /// <summary>A channel, thread or DM, or null.</summary>
    public FakeChannel? GetChannel(ulong channelId)
    {
        lock (_gate)
        {
            return _channels.GetValueOrDefault(channelId);
        }
    }

    /// <summary>The channels and threads of a guild.</summary>
    public IReadOnlyList<FakeChannel> GetChannels(ulong guildId)
    {
        lock (_gate)
        {
            return [.. _channels.Values.Where(c => c.GuildId == guildId).OrderBy(c => c.Id)];
        }
    }

    /// <summary>The DM channel between the bot and a user, or null.</summary>
    public FakeChannel? GetDmChannel(ulong userId)
    {
        lock (_gate)
        {
            return _dmChannels.TryGetValue(userId, out var id) ? _channels[id] : null;
        }
    }

    /// <summary>A channel's messages, oldest first (ephemeral interaction responses excluded).</summary>
    public IReadOnlyList<FakeMessage> GetMessages(ulong channelId)
    {
        lock (_gate)
        {
            return _channelMessages.TryGetValue(channelId, out var ids) ? [.. ids.Select(id => _messages[id])] : [];
        }
    }

    /// <summary>A message, or null (ephemeral ones included).</summary>
    public FakeMessage? GetMessage(ulong messageId)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(messageId);
        }
    }

    /// <summary>A channel's webhooks.</summary>
    public IReadOnlyList<FakeWebhook> GetWebhooks(ulong channelId)
    {
        lock (_gate)
        {
            return [.. _webhooks.Values.Where(w => w.ChannelId == channelId).OrderBy(w => w.Id)];
        }
    }

    /// <summary>The registered commands: global ones with a null <paramref name="guildId"/>.</summary>
    public IReadOnlyList<FakeCommand> GetCommands(ulong? guildId = null)
    {
        lock (_gate)
        {
            return [.. _commands.Values.Where(c => c.GuildId == guildId).OrderBy(c => c.Id)];
        }
    }

    /// <summary>An interaction and how it was answered, or null.</summary>
    public FakeInteraction? GetInteraction(ulong interactionId)
    {
        lock (_gate)
        {
            return _interactions.GetValueOrDefault(interactionId);
        }
    }

    /// <summary>The <c>GUILD_CREATE</c> payload of a guild as the Gateway sends it after READY (channels, threads, members, roles).</summary>
    public JsonObject GetGuildCreatePayload(ulong guildId)
    {
        lock (_gate)
        {
            return RenderGuildCreate(RequireGuild(guildId));
        }
    }

    /// <summary>
    /// Subscribes to the dispatches and renders the current user and the GUILD_CREATE of each guild
    /// <paramref name="guildFilter"/> accepts, atomically: nothing changes between the snapshot and
    /// the first dispatch the subscription sees. <paramref name="open"/> runs under the state's lock.
    /// </summary>
    internal bool OpenGatewaySession(Func<ulong, bool> guildFilter, Func<FakeDiscordSubscription, JsonObject, IReadOnlyList<(ulong GuildId, JsonObject Payload)>, bool> open)
    {
        lock (_gate)
        {
            var subscription = Events.Subscribe();
            var guilds = _guilds.Values.Where(g => guildFilter(g.Id)).OrderBy(g => g.Id).Select(g => (g.Id, RenderGuildCreate(g))).ToList();
            return open(subscription, RenderCurrentUser(), guilds);
        }
    }

    /// <summary>Counts a session start against the daily limit; false when none is left.</summary>
    internal bool TryStartSession()
    {
        lock (_gate)
        {
            RefreshSessionStarts();
            if (_sessionStartsRemaining <= 0)
            {
                return false;
            }

            _sessionStartsRemaining--;
            return true;
        }
    }

    internal DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary>A new snowflake: the current time, strictly increasing.</summary>
    internal ulong NextId()
    {
        lock (_gate)
        {
            var ms = Math.Max(0, _time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
            var candidate = ((ulong)ms << 22) | (1UL << 17);
            _lastId = Math.Max(_lastId + 1, candidate);
            return _lastId;
        }
    }

    private void Publish(string name, JsonObject payload, ulong? guildId) => Events.Publish(name, payload, guildId);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private FakeGuild RequireGuild(ulong guildId) => _guilds.TryGetValue(guildId, out var guild)
        ? guild
        : throw new ArgumentException($"FakeDiscord has no guild {guildId}.", nameof(guildId));

    private FakeChannel RequireChannel(ulong channelId) => _channels.TryGetValue(channelId, out var channel)
        ? channel
        : throw new ArgumentException($"FakeDiscord has no channel {channelId}.", nameof(channelId));

    private FakeUser RequireUser(ulong userId) => _users.TryGetValue(userId, out var user)
        ? user
        : throw new ArgumentException($"FakeDiscord has no user {userId}: create it with CreateUser.", nameof(userId));
}
