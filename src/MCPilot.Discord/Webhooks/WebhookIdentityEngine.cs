using System.Collections.Concurrent;
using System.Globalization;
using MCPilot.Discord.Caching;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Webhooks;

/// <summary>The webhook identity engine (see <see cref="IWebhookIdentityEngine"/>).</summary>
internal sealed class WebhookIdentityEngine(IDiscordRestClient discord, IDiscordCache channels, IOptions<DiscordOptions> options, ILogger<WebhookIdentityEngine> logger) : IWebhookIdentityEngine
{
    /// <summary>Discord's limit of webhooks per channel.</summary>
    public const int MaxWebhooksPerChannel = 15;

    private const int QuoteLength = 100;
    private readonly WebhookIdentityOptions _options = options.Value.Webhooks;
    private readonly AsyncLookupCache<Webhook> _webhooks = new();
    private readonly ConcurrentDictionary<ulong, byte> _managed = new();

    public async Task<WebhookPostResult> ExecuteAsIdentityAsync(ulong channelId, WebhookIdentity identity, string content, WebhookPostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new WebhookPostOptions();
        var username = WebhookNames.Sanitize(identity.Name);
        var avatarUrl = CheckAvatar(identity);
        if (string.IsNullOrWhiteSpace(content) && options.Embeds is not { Count: > 0 })
        {
            throw new ArgumentException("Nothing to post: the content is empty and there are no embeds.", nameof(content));
        }

        var channel = await ChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        var (webhookChannel, threadId) = await TargetAsync(channel, cancellationToken).ConfigureAwait(false);
        var parts = string.IsNullOrEmpty(content) ? [""] : DiscordMessageSplitter.Split(content, _options.MaxMessageLength);
        Embed? quote = options.ReplyTo is { } replyTo ? await QuoteAsync(channel, replyTo, cancellationToken).ConfigureAwait(false) : null;
        var flags = options.SuppressNotifications ? MessageFlags.SuppressNotifications : (MessageFlags?)null;
        var mentions = options.AllowedMentions ?? AllowedMentions.UsersOnly;
        var messages = new List<Message>(parts.Count);
        ulong webhookId = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var embeds = new List<Embed>();
            if (i == 0 && quote is not null)
            {
                embeds.Add(quote);
            }

            if (i == parts.Count - 1 && options.Embeds is { } extra)
            {
                embeds.AddRange(extra);
            }

            var request = new ExecuteWebhookRequest
            {
                Content = parts[i].Length == 0 ? null : parts[i],
                Username = username,
                AvatarUrl = avatarUrl,
                AllowedMentions = mentions,
                Embeds = embeds.Count == 0 ? null : embeds,
                Flags = flags,
            };
            var (message, webhook) = await ExecuteWithRecoveryAsync(webhookChannel, threadId, request, cancellationToken).ConfigureAwait(false);
            webhookId = webhook;
            messages.Add(message);
        }

        return new WebhookPostResult(messages, webhookId, webhookChannel.Id, threadId);
    }

    public bool IsManagedWebhook(ulong webhookId) => _managed.ContainsKey(webhookId);

    public void Invalidate(ulong channelId) => _webhooks.Remove(channelId);

    private async Task<(Message Message, ulong WebhookId)> ExecuteWithRecoveryAsync(CachedChannel channel, ulong? threadId, ExecuteWebhookRequest request, CancellationToken cancellationToken)
    {
        var webhook = await GetWebhookAsync(channel, cancellationToken).ConfigureAwait(false);
        try
        {
            return (await discord.ExecuteWebhookAsync(webhook.Id, webhook.Token!, request, threadId, cancellationToken).ConfigureAwait(false), webhook.Id);
        }
        catch (DiscordRestException e) when (e.Code is DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.InvalidWebhookToken)
        {
            // Someone deleted the webhook (or reset its token): forget it, recreate it once.
            WebhookIdentityLog.Recreating(logger, webhook.Id, channel.Id, e.Code);
            _managed.TryRemove(webhook.Id, out _);
            var gone = webhook.Id;
            _webhooks.RemoveIf(channel.Id, cached => cached.Id == gone);

            webhook = await GetWebhookAsync(channel, cancellationToken).ConfigureAwait(false);
            return (await discord.ExecuteWebhookAsync(webhook.Id, webhook.Token!, request, threadId, cancellationToken).ConfigureAwait(false), webhook.Id);
        }
    }

    private Task<Webhook> GetWebhookAsync(CachedChannel channel, CancellationToken cancellationToken)
        => _webhooks.GetAsync(channel.Id, _ => FindOrCreateAsync(channel), cancellationToken);

    private async Task<Webhook> FindOrCreateAsync(CachedChannel channel)
    {
        var applicationId = await discord.GetApplicationIdAsync(CancellationToken.None).ConfigureAwait(false);
        IReadOnlyList<Webhook> existing;
        try
        {
            existing = await discord.GetChannelWebhooksAsync(channel.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DiscordRestException e) when (e.Code is DiscordErrorCodes.MissingPermissions or DiscordErrorCodes.MissingAccess)
        {
            throw MissingPermission(channel, e);
        }

        var own = existing
            .Where(w => w.Type == WebhookType.Incoming && w.Token is not null && w.ApplicationId == applicationId)
            .OrderByDescending(w => w.Name == _options.WebhookName)
            .ThenBy(w => w.Id)
            .FirstOrDefault();
        if (own is not null)
        {
            WebhookIdentityLog.Found(logger, own.Id, channel.Id);
            _managed[own.Id] = 0;
            return own;
        }

        if (existing.Count >= MaxWebhooksPerChannel)
        {
            throw Full(channel, null);
        }

        try
        {
            var created = await discord.CreateWebhookAsync(channel.Id, new CreateWebhookRequest { Name = _options.WebhookName }, CancellationToken.None).ConfigureAwait(false);
            WebhookIdentityLog.Created(logger, created.Id, channel.Id);
            _managed[created.Id] = 0;
            return created;
        }
        catch (DiscordRestException e) when (e.Code == DiscordErrorCodes.MaximumWebhooks)
        {
            throw Full(channel, e);
        }
        catch (DiscordRestException e) when (e.Code is DiscordErrorCodes.MissingPermissions or DiscordErrorCodes.MissingAccess)
        {
            throw MissingPermission(channel, e);
        }
    }

    private async Task<(CachedChannel WebhookChannel, ulong? ThreadId)> TargetAsync(CachedChannel channel, CancellationToken cancellationToken)
    {
        if (channel.Type.IsThread())
        {
            // Threads and forum posts have no webhooks of their own: post through the parent's, with thread_id.
            var parentId = channel.ParentId ?? throw new WebhookIdentityException($"Thread {Describe(channel)} has no parent channel, so it has no webhook to post through.", channel.Id);
            var parent = await ChannelAsync(parentId, cancellationToken).ConfigureAwait(false);
            return (parent, channel.Id);
        }

        return (Postable(channel), null);
    }

    private static CachedChannel Postable(CachedChannel channel)
    {
        if (channel.Type.IsThreadOnly())
        {
            throw new WebhookIdentityException($"Channel {Describe(channel)} is a forum: post into one of its posts (threads) instead of the forum itself.", channel.Id);
        }

        if (channel.Type.IsDirectMessage())
        {
            throw new WebhookIdentityException($"Channel {channel.Id} is a direct message, where webhooks do not exist: send a DM as the bot instead.", channel.Id);
        }

        if (channel.Type is not (ChannelType.GuildText or ChannelType.GuildAnnouncement or ChannelType.GuildVoice or ChannelType.GuildStageVoice))
        {
            throw new WebhookIdentityException($"Channel {Describe(channel)} is a {channel.Type} channel, which takes no messages.", channel.Id);
        }

        return channel;
    }

    private async Task<CachedChannel> ChannelAsync(ulong channelId, CancellationToken cancellationToken) =>
        await channels.GetOrFetchChannelAsync(channelId, cancellationToken).ConfigureAwait(false)
            ?? throw new WebhookIdentityException(string.Create(CultureInfo.InvariantCulture, $"Channel {channelId} does not exist, or the bot cannot see it."), channelId);

    private async Task<Embed?> QuoteAsync(CachedChannel channel, ulong messageId, CancellationToken cancellationToken)
    {
        Message replied;
        try
        {
            replied = await discord.GetMessageAsync(channel.Id, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException e) when (e.Code == DiscordErrorCodes.UnknownMessage)
        {
            return null;
        }

        var link = string.Create(CultureInfo.InvariantCulture, $"https://discord.com/channels/{(channel.GuildId is { } g ? g.ToString(CultureInfo.InvariantCulture) : "@me")}/{channel.Id}/{messageId}");
        var text = replied.Content.Replace('\n', ' ');
        if (text.Length > QuoteLength)
        {
            text = text[..QuoteLength].TrimEnd() + "…";
        }

        var author = replied.Author;
        return new Embed
        {
            Author = new EmbedAuthor
            {
                Name = $"↩ {author.DisplayName}",
                IconUrl = author.Avatar is { } hash
                    ? string.Create(CultureInfo.InvariantCulture, $"https://cdn.discordapp.com/avatars/{author.Id}/{hash}.png")
                    : null,
            },
            Description = $"**[Reply to:]({link})** {(text.Length == 0 ? "*(no text)*" : text)}",
        };
    }

    private static string? CheckAvatar(WebhookIdentity identity)
    {
        if (identity.AvatarUrl is not { Length: > 0 } avatar)
        {
            return null;
        }

        if (avatar.Length > 2048 || !Uri.TryCreate(avatar, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The avatar of '{identity.Name}' must be an absolute http or https URL of at most 2048 characters.", nameof(identity));
        }

        return avatar;
    }

    private static string Describe(CachedChannel channel) => channel.Name is { Length: > 0 } name
        ? string.Create(CultureInfo.InvariantCulture, $"#{name} ({channel.Id})")
        : channel.Id.ToString(CultureInfo.InvariantCulture);

    private static WebhookIdentityException Full(CachedChannel channel, Exception? inner) => new(
        $"Channel {Describe(channel)} already has {MaxWebhooksPerChannel} webhooks, Discord's maximum, and none of them is MCPilot's. Delete one it no longer needs (Server Settings > Integrations > Webhooks) so MCPilot can create its own.",
        channel.Id,
        inner);

    private static WebhookIdentityException MissingPermission(CachedChannel channel, Exception inner) => new(
        $"The bot lacks the Manage Webhooks permission in channel {Describe(channel)}. Grant it to the bot's role there (or server-wide) so entities can post.",
        channel.Id,
        inner);
}
