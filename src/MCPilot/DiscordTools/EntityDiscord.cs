using System.Globalization;
using System.Net;
using MCPilot.Discord;
using MCPilot.Discord.Entities;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Tools;
using Microsoft.Extensions.Options;

namespace MCPilot.DiscordTools;

/// <summary>The policy-limited Discord handle of one entity call (see <see cref="IEntityDiscord"/>).</summary>
internal sealed class EntityDiscord : IEntityDiscord
{
    /// <summary>The longest description of a DM embed, Discord's limit.</summary>
    public const int MaxEmbedDescription = 4096;

    private static readonly ChannelType[] ListedTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum, ChannelType.GuildMedia];

    private readonly IDiscordRestClient _rest;
    private readonly IWebhookIdentityEngine _webhooks;
    private readonly IDiscordCache _channels;
    private readonly OwnMessageLedger _ledger;
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly IOptions<DiscordOptions> _discordOptions;

    public EntityDiscord(IEntityContext context, IDiscordRestClient rest, IWebhookIdentityEngine webhooks, IDiscordCache channels, OwnMessageLedger ledger, IOptionsMonitor<EntityOptions> options, IOptions<DiscordOptions> discordOptions)
    {
        Context = context;
        _rest = rest;
        _webhooks = webhooks;
        _channels = channels;
        _ledger = ledger;
        _options = options;
        _discordOptions = discordOptions;
    }

    public IEntityContext Context { get; }

    public async Task<IReadOnlyList<Guild>> ListServersAsync(CancellationToken cancellationToken = default)
    {
        var entity = Context.Entity;
        var guilds = await _rest.GetCurrentUserGuildsAsync(cancellationToken).ConfigureAwait(false);
        return [.. guilds.Where(g => entity.Membership(g.Id) is not null).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<IReadOnlyList<Channel>> ListChannelsAsync(ulong? guildId = null, CancellationToken cancellationToken = default)
    {
        var entity = Context.Entity;
        IEnumerable<ulong> guilds;
        if (guildId is { } only)
        {
            if (entity.Membership(only) is null)
            {
                throw EntityToolException.Denied(string.Create(CultureInfo.InvariantCulture,
                    $"{entity.Name} is not present in server {only}, or it does not exist. list_servers shows the servers {entity.Name} may use."));
            }

            guilds = [only];
        }
        else
        {
            guilds = (await ListServersAsync(cancellationToken).ConfigureAwait(false)).Select(g => g.Id);
        }

        var listed = new List<Channel>();
        foreach (var guild in guilds)
        {
            var channels = await _rest.GetGuildChannelsAsync(guild, cancellationToken).ConfigureAwait(false);
            var threads = await ActiveThreadsAsync(guild, cancellationToken).ConfigureAwait(false);
            var allowed = channels
                .Where(c => ListedTypes.Contains(c.Type) && entity.MayUse(guild, c.Id))
                .OrderBy(c => c.Position ?? 0).ThenBy(c => c.Id)
                .ToList();
            foreach (var channel in allowed)
            {
                listed.Add(channel);
                listed.AddRange(threads
                    .Where(t => t.ParentId == channel.Id && entity.MayUse(guild, t.Id, t.ParentId))
                    .OrderBy(t => t.Id));
            }
        }

        return listed;
    }

    public async Task<CachedChannel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        var entity = Context.Entity;
        var channel = await _channels.GetOrFetchChannelAsync(channelId, cancellationToken).ConfigureAwait(false)
            ?? throw EntityContext.NotAvailable(entity, channelId);

        if (channel.GuildId is not { } guildId)
        {
            throw EntityToolException.Denied(string.Create(CultureInfo.InvariantCulture,
                $"Channel {channelId} is a direct-message channel. Direct messages are read with read_dms and sent with send_dm."));
        }

        Context.EnsureChannelAllowed(guildId, channel.Id, channel.IsThread ? channel.ParentId : null);
        return channel;
    }

    public async Task<IReadOnlyList<Message>> ReadMessagesAsync(ulong channelId, MessageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var channel = await GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (channel.Type.IsThreadOnly())
        {
            throw ForumNotPostable(channel, "read");
        }

        return await _rest.GetMessagesAsync(channel.Id, query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookPostResult> SendMessageAsync(ulong channelId, string content, WebhookPostOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = ToolArguments.Content(content, "content", _options.CurrentValue.MaxMessageLength);
        var channel = await GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (channel.Type.IsThreadOnly())
        {
            throw ForumNotPostable(channel, "post");
        }

        Context.EnsureContentAllowed(text);
        if (options?.ReplyTo is { } replyTo)
        {
            await EnsureMessageInAsync(channel, replyTo, "reply_to", cancellationToken).ConfigureAwait(false);
        }

        var parts = DiscordMessageSplitter.Split(text, _discordOptions.Value.Webhooks.MaxMessageLength);
        Context.AcquireSend(parts.Count);
        foreach (var part in parts)
        {
            Context.ExpectOwnMessage(channel.Id, part);
        }

        var entity = Context.Entity;
        var result = await _webhooks.ExecuteAsIdentityAsync(channel.Id, new WebhookIdentity(entity.Name, entity.AvatarUrl?.AbsoluteUri), text, options, cancellationToken).ConfigureAwait(false);
        foreach (var message in result.Messages)
        {
            await Context.RecordSentAsync(channel.GuildId, channel.Id, message.Id, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    public async Task AddReactionAsync(ulong channelId, ulong messageId, ReactionEmoji emoji, CancellationToken cancellationToken = default)
    {
        var channel = await GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        Context.AcquireSend();
        await _rest.AddOwnReactionAsync(channel.Id, messageId, emoji, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Message>> SendDirectMessageAsync(ulong userId, string content, CancellationToken cancellationToken = default)
    {
        var text = ToolArguments.Content(content, "content", _options.CurrentValue.MaxMessageLength);
        Context.EnsureContentAllowed(text);
        await EnsureReachableAsync(userId, cancellationToken).ConfigureAwait(false);
        var parts = DiscordMessageSplitter.Split(text, MaxEmbedDescription);
        Context.AcquireSend(parts.Count);
        var dm = await _rest.CreateDmChannelAsync(userId, cancellationToken).ConfigureAwait(false);
        var entity = Context.Entity;
        var author = new EmbedAuthor { Name = entity.Name, IconUrl = entity.AvatarUrl?.AbsoluteUri };
        var sent = new List<Message>(parts.Count);
        foreach (var part in parts)
        {
            var message = await _rest.CreateMessageAsync(dm.Id, new CreateMessageRequest
            {
                Embeds = [new Embed { Author = author, Description = part }],
                AllowedMentions = AllowedMentions.UsersOnly,
            }, sent.Count == 0 ? cancellationToken : CancellationToken.None).ConfigureAwait(false);
            await Context.RecordSentAsync(null, dm.Id, message.Id, CancellationToken.None).ConfigureAwait(false);
            sent.Add(message);
        }

        return sent;
    }

    public ValueTask<EntityId?> FindSenderAsync(ulong messageId, CancellationToken cancellationToken = default) =>
        _ledger.OwnerOfAsync(messageId, cancellationToken);

    // A bot that may not list a server's threads still lists its channels.
    private async Task<IReadOnlyList<Channel>> ActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        try
        {
            return (await _rest.GetActiveThreadsAsync(guildId, cancellationToken).ConfigureAwait(false)).Threads;
        }
        catch (DiscordRestException e) when (e.Code is DiscordErrorCodes.MissingAccess or DiscordErrorCodes.MissingPermissions)
        {
            return [];
        }
    }

    // The user must be a member of one of the entity's servers: entities speak to their communities, not to anyone.
    private async Task EnsureReachableAsync(ulong userId, CancellationToken cancellationToken)
    {
        var entity = Context.Entity;
        foreach (var membership in entity.Guilds)
        {
            GuildMember member;
            try
            {
                member = await _rest.GetGuildMemberAsync(membership.GuildId, userId, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordRestException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            {
                continue;
            }

            if (member.User?.Bot is true)
            {
                throw EntityToolException.Denied(string.Create(CultureInfo.InvariantCulture, $"User {userId} is a bot; bots cannot be sent direct messages."));
            }

            return;
        }

        throw EntityToolException.Denied(string.Create(CultureInfo.InvariantCulture,
            $"{entity.Name} may only message members of its servers, and user {userId} is a member of none of them (or does not exist)."));
    }

    private async Task EnsureMessageInAsync(CachedChannel channel, ulong messageId, string argument, CancellationToken cancellationToken)
    {
        try
        {
            await _rest.GetMessageAsync(channel.Id, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException e) when (e.Code == DiscordErrorCodes.UnknownMessage || e.StatusCode == HttpStatusCode.NotFound)
        {
            throw EntityToolException.InvalidArguments(string.Create(CultureInfo.InvariantCulture,
                $"'{argument}': message {messageId} is not in channel {channel.Id} (it may have been deleted). read_messages shows that channel's message ids."));
        }
    }

    private static EntityToolException ForumNotPostable(CachedChannel channel, string verb) => EntityToolException.InvalidArguments(string.Create(CultureInfo.InvariantCulture,
        $"Channel {channel.Id} is a forum: its messages live in its posts (threads), so {verb} in one of those. list_channels shows them under the forum."));
}
