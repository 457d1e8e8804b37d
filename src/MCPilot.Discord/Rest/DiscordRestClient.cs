using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MCPilot.Discord.Models;
using MCPilot.Discord.Serialization;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Rest;

/// <summary>The REST client over <see cref="DiscordRestTransport"/>.</summary>
internal sealed class DiscordRestClient(DiscordRestTransport transport, IOptions<DiscordOptions> options, TimeProvider time) : IDiscordRestClient
{
    private static long _nonceCounter = System.Security.Cryptography.RandomNumberGenerator.GetInt32(1 << 22);

    private const int GuildPageSize = 200;
    private const int ContentLimit = 2000;

    /// <summary>
    /// How far before the first attempt was sent a reconcile looks for the message it may have
    /// created: a message's id carries Discord's clock, the attempt's start ours, and NTP-synced
    /// clocks differ by far less. Messages this client already returned are excluded anyway.
    /// </summary>
    private static readonly TimeSpan ReconcileClockSkew = TimeSpan.FromSeconds(2);
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Patch = HttpMethod.Patch;
    private static readonly HttpMethod Delete = HttpMethod.Delete;
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private ulong _applicationId = options.Value.ApplicationId ?? 0;

    /// <summary>Per webhook, the newest message id an execution through it returned: a reconcile never claims it or anything older.</summary>
    private readonly ConcurrentDictionary<ulong, ulong> _lastPosted = new();

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/users/@me"), Json.User, cancellationToken: cancellationToken);

    public async Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default)
    {
        var application = await SendAsync(DiscordRoute.Create(Get, "/applications/@me"), Json.Application, cancellationToken: cancellationToken).ConfigureAwait(false);
        Interlocked.CompareExchange(ref _applicationId, application.Id, 0);
        return application;
    }

    public async ValueTask<ulong> GetApplicationIdAsync(CancellationToken cancellationToken = default)
    {
        var known = Interlocked.Read(ref _applicationId);
        return known != 0 ? known : (await GetCurrentApplicationAsync(cancellationToken).ConfigureAwait(false)).Id;
    }

    public Task<GatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/gateway/bot"), Json.GatewayBot, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Guild>> GetCurrentUserGuildsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<Guild>();
        ulong after = 0;
        while (true)
        {
            var query = Query(("limit", GuildPageSize), ("after", after == 0 ? null : after));
            var page = await SendAsync(DiscordRoute.Create(Get, "/users/@me/guilds"), Json.IReadOnlyListGuild, query, cancellationToken: cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < GuildPageSize)
            {
                return all;
            }

            after = page.Max(g => g.Id);
        }
    }

    public Task<Guild> GetGuildAsync(ulong guildId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/guilds/{guild_id}", guildId), Json.Guild, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(ulong guildId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/guilds/{guild_id}/channels", guildId), Json.IReadOnlyListChannel, cancellationToken: cancellationToken);

    public Task<ThreadList> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/guilds/{guild_id}/threads/active", guildId), Json.ThreadList, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<GuildMember>> ListGuildMembersAsync(ulong guildId, int limit = 1000, ulong after = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var query = Query(("limit", limit), ("after", after == 0 ? null : after));
        return SendAsync(DiscordRoute.Create(Get, "/guilds/{guild_id}/members", guildId), Json.IReadOnlyListGuildMember, query, cancellationToken: cancellationToken);
    }

    public Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/guilds/{guild_id}/members/{user_id}", guildId, userId), Json.GuildMember, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Role>> GetGuildRolesAsync(ulong guildId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/guilds/{guild_id}/roles", guildId), Json.IReadOnlyListRole, cancellationToken: cancellationToken);

    public Task<Channel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/channels/{channel_id}", channelId), Json.Channel, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Message>> GetMessagesAsync(ulong channelId, MessageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if ((query.Before is null ? 0 : 1) + (query.After is null ? 0 : 1) + (query.Around is null ? 0 : 1) > 1)
        {
            throw new ArgumentException("Give at most one of Before, After and Around: Discord reads one page from one anchor.", nameof(query));
        }

        if (query.Limit is < 1 or > MessageQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "Limit must be 1 to 100.");
        }

        var q = Query(("around", query.Around), ("before", query.Before), ("after", query.After), ("limit", query.Limit));
        return SendAsync(DiscordRoute.Create(Get, "/channels/{channel_id}/messages", channelId), Json.IReadOnlyListMessage, q, cancellationToken: cancellationToken);
    }

    public Task<Message> GetMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/channels/{channel_id}/messages/{message_id}", channelId, messageId), Json.Message, cancellationToken: cancellationToken);

    public Task<Message> CreateMessageAsync(ulong channelId, CreateMessageRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckContent(message.Content, message.Embeds?.Count ?? 0, message.Components?.Count ?? 0, ContentLimit);
        if (message.Nonce is { Length: > 25 })
        {
            throw new ArgumentException("A nonce is at most 25 characters.", nameof(message));
        }

        // The nonce makes the send idempotent: with enforce_nonce, Discord answers a repeat of the
        // same nonce (within a few minutes) with the message it already created. Without
        // enforcement a repeat posts again, so only failures before sending are retried.
        var enforced = message.EnforceNonce ?? true;
        var guarded = new CreateMessageRequest
        {
            Content = message.Content,
            Embeds = message.Embeds,
            AllowedMentions = message.AllowedMentions,
            MessageReference = message.MessageReference,
            Components = message.Components,
            Flags = message.Flags,
            Tts = message.Tts,
            Nonce = message.Nonce ?? NewNonce(),
            EnforceNonce = enforced,
        };
        var safety = enforced ? RetrySafety.Idempotent : RetrySafety.BeforeSendOnly;
        return SendAsync(DiscordRoute.Create(Post, "/channels/{channel_id}/messages", channelId), Json.Message, body: Serialize(guarded, Json.CreateMessageRequest), safety: safety, cancellationToken: cancellationToken);
    }

    public Task<Channel> CreateDmChannelAsync(ulong userId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Post, "/users/@me/channels"), Json.Channel, body: Serialize(new CreateDmRequest { RecipientId = userId }, Json.CreateDmRequest), cancellationToken: cancellationToken);

    public Task AddOwnReactionAsync(ulong channelId, ulong messageId, ReactionEmoji emoji, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Put, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", channelId, messageId, Segment(emoji)), cancellationToken: cancellationToken);

    public Task RemoveOwnReactionAsync(ulong channelId, ulong messageId, ReactionEmoji emoji, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Delete, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", channelId, messageId, Segment(emoji)), cancellationToken: cancellationToken);

    public Task<Channel> CreateThreadAsync(ulong channelId, CreateThreadRequest thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (thread.Name is not { Length: >= 1 and <= 100 })
        {
            throw new ArgumentException("A thread's name is 1 to 100 characters.", nameof(thread));
        }

        return SendAsync(DiscordRoute.Create(Post, "/channels/{channel_id}/threads", channelId), Json.Channel, body: Serialize(thread, Json.CreateThreadRequest), safety: RetrySafety.BeforeSendOnly, cancellationToken: cancellationToken);
    }

    public Task<IReadOnlyList<Webhook>> GetChannelWebhooksAsync(ulong channelId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/channels/{channel_id}/webhooks", channelId), Json.IReadOnlyListWebhook, cancellationToken: cancellationToken);

    public Task<Webhook> CreateWebhookAsync(ulong channelId, CreateWebhookRequest webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return SendAsync(DiscordRoute.Create(Post, "/channels/{channel_id}/webhooks", channelId), Json.Webhook, body: Serialize(webhook, Json.CreateWebhookRequest), safety: RetrySafety.BeforeSendOnly, cancellationToken: cancellationToken);
    }

    public Task<Webhook> GetWebhookAsync(ulong webhookId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Get, "/webhooks/{webhook_id}", webhookId), Json.Webhook, cancellationToken: cancellationToken);

    public Task DeleteWebhookAsync(ulong webhookId, CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(Delete, "/webhooks/{webhook_id}", webhookId), cancellationToken: cancellationToken);

    public async Task<Message> ExecuteWebhookAsync(ulong webhookId, string webhookToken, ExecuteWebhookRequest message, ulong? threadId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookToken);
        ArgumentNullException.ThrowIfNull(message);
        CheckContent(message.Content, message.Embeds?.Count ?? 0, message.Components?.Count ?? 0, ContentLimit);
        var route = DiscordRoute.Create(Post, "/webhooks/{webhook_id}/{webhook_token}", webhookId, webhookToken);
        var request = new DiscordRequest
        {
            Route = route,
            Query = Query(("wait", "true"), ("thread_id", threadId)),
            Body = Serialize(message, Json.ExecuteWebhookRequest),
            Safety = RetrySafety.Reconcile,
            Reconcile = (firstSent, ct) => FindPostedAsync(webhookId, webhookToken, message, threadId, firstSent, ct),
        };
        var response = await transport.SendAsync(request, queued: true, cancellationToken).ConfigureAwait(false);
        var posted = Deserialize(response, Json.Message);
        _lastPosted.AddOrUpdate(webhookId, posted.Id, (_, last) => Math.Max(last, posted.Id));
        return posted;
    }

    public Task<Message> EditWebhookMessageAsync(ulong webhookId, string webhookToken, ulong messageId, EditWebhookMessageRequest edit, ulong? threadId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookToken);
        ArgumentNullException.ThrowIfNull(edit);
        var route = DiscordRoute.Create(Patch, "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", webhookId, webhookToken, messageId);
        return SendAsync(route, Json.Message, Query(("thread_id", threadId)), Serialize(edit, Json.EditWebhookMessageRequest), cancellationToken: cancellationToken);
    }

    public Task DeleteWebhookMessageAsync(ulong webhookId, string webhookToken, ulong messageId, ulong? threadId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookToken);
        var route = DiscordRoute.Create(Delete, "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", webhookId, webhookToken, messageId);
        return SendAsync(route, Query(("thread_id", threadId)), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(CancellationToken cancellationToken = default)
    {
        var app = await GetApplicationIdAsync(cancellationToken).ConfigureAwait(false);
        return await SendAsync(DiscordRoute.Create(Get, "/applications/{application_id}/commands", app), Json.IReadOnlyListApplicationCommand, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var app = await GetApplicationIdAsync(cancellationToken).ConfigureAwait(false);
        var route = DiscordRoute.Create(Put, "/applications/{application_id}/commands", app);
        return await SendAsync(route, Json.IReadOnlyListApplicationCommand, body: Serialize(commands, Json.IReadOnlyListApplicationCommandDefinition), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        var app = await GetApplicationIdAsync(cancellationToken).ConfigureAwait(false);
        return await SendAsync(DiscordRoute.Create(Get, "/applications/{application_id}/guilds/{guild_id}/commands", app, guildId), Json.IReadOnlyListApplicationCommand, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(ulong guildId, IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var app = await GetApplicationIdAsync(cancellationToken).ConfigureAwait(false);
        var route = DiscordRoute.Create(Put, "/applications/{application_id}/guilds/{guild_id}/commands", app, guildId);
        return await SendAsync(route, Json.IReadOnlyListApplicationCommand, body: Serialize(commands, Json.IReadOnlyListApplicationCommandDefinition), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(response);
        var route = DiscordRoute.Create(Post, "/interactions/{interaction_id}/{interaction_token}/callback", interactionId, interactionToken);
        return SendAsync(route, body: Serialize(response, Json.InteractionResponse), safety: RetrySafety.BeforeSendOnly, cancellationToken: cancellationToken);
    }

    public Task<Message> GetOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        return SendAsync(DiscordRoute.Create(Get, "/webhooks/{application_id}/{interaction_token}/messages/@original", applicationId, interactionToken), Json.Message, cancellationToken: cancellationToken);
    }

    public Task<Message> EditOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, EditWebhookMessageRequest edit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(edit);
        var route = DiscordRoute.Create(Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", applicationId, interactionToken);
        return SendAsync(route, Json.Message, body: Serialize(edit, Json.EditWebhookMessageRequest), cancellationToken: cancellationToken);
    }

    public Task DeleteOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        return SendAsync(DiscordRoute.Create(Delete, "/webhooks/{application_id}/{interaction_token}/messages/@original", applicationId, interactionToken), cancellationToken: cancellationToken);
    }

    public Task<Message> CreateFollowupMessageAsync(ulong applicationId, string interactionToken, ExecuteWebhookRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(message);
        CheckContent(message.Content, message.Embeds?.Count ?? 0, message.Components?.Count ?? 0, ContentLimit);
        var route = DiscordRoute.Create(Post, "/webhooks/{application_id}/{interaction_token}", applicationId, interactionToken);
        return SendAsync(route, Json.Message, body: Serialize(message, Json.ExecuteWebhookRequest), safety: RetrySafety.BeforeSendOnly, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Before retrying a webhook execution whose answer was lost, looks for the message among
    /// the channel's newest: the same webhook, content and name, created since this call's first
    /// attempt was sent (less <see cref="ReconcileClockSkew"/>) and newer than any message an
    /// earlier execution through the webhook returned, so a legitimate repeat is never taken for it.
    /// </summary>
    private async Task<DiscordResponse?> FindPostedAsync(ulong webhookId, string token, ExecuteWebhookRequest message, ulong? threadId, DateTimeOffset firstSent, CancellationToken cancellationToken)
    {
        var since = Math.Max(DiscordSnowflake.FromTimestamp(firstSent - ReconcileClockSkew), _lastPosted.GetValueOrDefault(webhookId));
        var channelId = threadId;
        if (channelId is null)
        {
            var webhookRoute = DiscordRoute.Create(Get, "/webhooks/{webhook_id}/{webhook_token}", webhookId, token);
            var webhook = Deserialize(await transport.SendAsync(new DiscordRequest { Route = webhookRoute }, queued: false, cancellationToken).ConfigureAwait(false), Json.Webhook);
            channelId = webhook.ChannelId;
        }

        if (channelId is not { } channel)
        {
            return null;
        }

        var listRoute = DiscordRoute.Create(Get, "/channels/{channel_id}/messages", channel);
        var list = new DiscordRequest { Route = listRoute, Query = Query(("after", since), ("limit", MessageQuery.MaxLimit)) };
        var recent = Deserialize(await transport.SendAsync(list, queued: false, cancellationToken).ConfigureAwait(false), Json.IReadOnlyListMessage);
        var posted = recent.FirstOrDefault(m => m.WebhookId == webhookId
            && m.Content == (message.Content ?? "")
            && m.Embeds.Count == (message.Embeds?.Count ?? 0)
            && (message.Username is null || m.Author.Username == message.Username));
        return posted is null ? null : new DiscordResponse(System.Net.HttpStatusCode.OK, JsonSerializer.SerializeToUtf8Bytes(posted, Json.Message));
    }

    private async Task<T> SendAsync<T>(DiscordRoute route, JsonTypeInfo<T> responseType, string? query = null, byte[]? body = null, RetrySafety safety = RetrySafety.Idempotent, CancellationToken cancellationToken = default)
    {
        var response = await transport.SendAsync(new DiscordRequest { Route = route, Query = query, Body = body, Safety = safety }, queued: true, cancellationToken).ConfigureAwait(false);
        return Deserialize(response, responseType);
    }

    private async Task SendAsync(DiscordRoute route, string? query = null, byte[]? body = null, RetrySafety safety = RetrySafety.Idempotent, CancellationToken cancellationToken = default)
        => await transport.SendAsync(new DiscordRequest { Route = route, Query = query, Body = body, Safety = safety }, queued: true, cancellationToken).ConfigureAwait(false);

    private static T Deserialize<T>(DiscordResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("The body was null.");
        }
        catch (JsonException e)
        {
            throw new DiscordRestException($"Discord's answer could not be read as {typeof(T).Name}: {e.Message}", response.Status, 0, null, typeof(T).Name, null, e);
        }
    }

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static DiscordRoute.PreEscaped Segment(ReactionEmoji emoji)
        => emoji.Name is null ? throw new ArgumentException("The emoji is empty: parse it with ReactionEmoji.Parse.", nameof(emoji)) : new(emoji.ToRouteSegment());

    private static void CheckContent(string? content, int embeds, int components, int maxLength)
    {
        if (string.IsNullOrEmpty(content) && embeds == 0 && components == 0)
        {
            throw new ArgumentException("A message needs content, an embed or a component: Discord rejects empty messages (code 50006).");
        }

        if (content is not null && content.Length > maxLength)
        {
            throw new ArgumentException($"The content is {content.Length} characters; Discord takes at most {maxLength}. Split it (the webhook identity engine does this for you).");
        }

        if (embeds > 10)
        {
            throw new ArgumentException("A message carries at most 10 embeds.");
        }
    }

    private string NewNonce()
    {
        // A snowflake-shaped nonce (at most 20 digits; Discord allows 25): the millisecond, then a
        // 22-bit counter that starts at a random point per process. Random bits alone collided when
        // hundreds of sends shared a millisecond, and with enforce_nonce a collision silently
        // returns another send's message instead of posting: the counter makes nonces unique
        // within the process, the random start keeps processes sharing a token apart.
        var snowflake = DiscordSnowflake.FromTimestamp(time.GetUtcNow());
        var increment = (ulong)Interlocked.Increment(ref _nonceCounter) & ((1UL << 22) - 1);
        return (snowflake | increment).ToString(CultureInfo.InvariantCulture);
    }

    private static string? Query(params (string Name, object? Value)[] parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            text.Append(text.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!));
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
