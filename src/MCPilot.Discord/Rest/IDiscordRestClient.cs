using MCPilot.Discord.Models;

namespace MCPilot.Discord.Rest;

/// <summary>
/// Discord's REST API v10, as MCPilot uses it. Every call goes through the rate limiter (no
/// 429s when Discord's headers are respected), retries 5xx and network errors only where that
/// cannot duplicate anything, and fails with a <see cref="DiscordRestException"/> that carries
/// Discord's error code, message and field errors.
/// </summary>
public interface IDiscordRestClient
{
    /// <summary>The bot's user (<c>GET /users/@me</c>).</summary>
    Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    /// <summary>The bot's application (<c>GET /applications/@me</c>).</summary>
    Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default);

    /// <summary>The application id: from options, else fetched once and cached.</summary>
    ValueTask<ulong> GetApplicationIdAsync(CancellationToken cancellationToken = default);

    /// <summary>The Gateway URL, recommended shards and session start limit (<c>GET /gateway/bot</c>).</summary>
    Task<GatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken = default);

    /// <summary>Every guild the bot is in, as partial guilds (pages of 200 are followed).</summary>
    Task<IReadOnlyList<Guild>> GetCurrentUserGuildsAsync(CancellationToken cancellationToken = default);

    /// <summary>A guild, with its roles and emojis.</summary>
    Task<Guild> GetGuildAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>A guild's channels (threads excluded: see <see cref="GetActiveThreadsAsync"/>).</summary>
    Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>A guild's active (unarchived) threads the bot can see, and its memberships of them.</summary>
    Task<ThreadList> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of a guild's members, ordered by user id, after <paramref name="after"/> (needs the
    /// privileged GUILD_MEMBERS intent on Discord).
    /// </summary>
    Task<IReadOnlyList<GuildMember>> ListGuildMembersAsync(ulong guildId, int limit = 1000, ulong after = 0, CancellationToken cancellationToken = default);

    /// <summary>One member of a guild, with its roles.</summary>
    Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default);

    /// <summary>A guild's roles.</summary>
    Task<IReadOnlyList<Role>> GetGuildRolesAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>A channel, thread or DM.</summary>
    Task<Channel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default);

    /// <summary>A page of a channel's messages, newest first.</summary>
    Task<IReadOnlyList<Message>> GetMessagesAsync(ulong channelId, MessageQuery query, CancellationToken cancellationToken = default);

    /// <summary>One message.</summary>
    Task<Message> GetMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts a message as the bot. A nonce is added (with <c>enforce_nonce</c>) when the request
    /// has none, so a retry after a lost answer returns the first message instead of a second.
    /// </summary>
    Task<Message> CreateMessageAsync(ulong channelId, CreateMessageRequest message, CancellationToken cancellationToken = default);

    /// <summary>Opens (or returns the existing) DM channel with a user.</summary>
    Task<Channel> CreateDmChannelAsync(ulong userId, CancellationToken cancellationToken = default);

    /// <summary>Adds the bot's reaction (idempotent).</summary>
    Task AddOwnReactionAsync(ulong channelId, ulong messageId, ReactionEmoji emoji, CancellationToken cancellationToken = default);

    /// <summary>Removes the bot's reaction (idempotent).</summary>
    Task RemoveOwnReactionAsync(ulong channelId, ulong messageId, ReactionEmoji emoji, CancellationToken cancellationToken = default);

    /// <summary>Starts a thread without a starter message, or a forum/media post.</summary>
    Task<Channel> CreateThreadAsync(ulong channelId, CreateThreadRequest thread, CancellationToken cancellationToken = default);

    /// <summary>A channel's webhooks (with tokens for those the bot may manage).</summary>
    Task<IReadOnlyList<Webhook>> GetChannelWebhooksAsync(ulong channelId, CancellationToken cancellationToken = default);

    /// <summary>Creates a webhook in a channel (needs Manage Webhooks; at most 15 per channel).</summary>
    Task<Webhook> CreateWebhookAsync(ulong channelId, CreateWebhookRequest webhook, CancellationToken cancellationToken = default);

    /// <summary>A webhook, by id.</summary>
    Task<Webhook> GetWebhookAsync(ulong webhookId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a webhook.</summary>
    Task DeleteWebhookAsync(ulong webhookId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts through a webhook with <c>wait=true</c> and returns the message. Into a thread of
    /// the webhook's channel with <paramref name="threadId"/>. A retry after a lost answer first
    /// checks whether the message was posted, so it is never posted twice.
    /// </summary>
    Task<Message> ExecuteWebhookAsync(ulong webhookId, string webhookToken, ExecuteWebhookRequest message, ulong? threadId = null, CancellationToken cancellationToken = default);

    /// <summary>Edits a message the webhook posted.</summary>
    Task<Message> EditWebhookMessageAsync(ulong webhookId, string webhookToken, ulong messageId, EditWebhookMessageRequest edit, ulong? threadId = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message the webhook posted.</summary>
    Task DeleteWebhookMessageAsync(ulong webhookId, string webhookToken, ulong messageId, ulong? threadId = null, CancellationToken cancellationToken = default);

    /// <summary>The application's global commands.</summary>
    Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces all global commands with <paramref name="commands"/> (Discord allows 200 creates a day: skip it when nothing changed).</summary>
    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken = default);

    /// <summary>The application's commands in one guild.</summary>
    Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>Replaces all of the application's commands in one guild.</summary>
    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(ulong guildId, IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken = default);

    /// <summary>Answers an interaction (within 3 seconds of it; outside the global limit).</summary>
    Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default);

    /// <summary>The original response to an interaction.</summary>
    Task<Message> GetOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default);

    /// <summary>Edits the original response (completes a deferred one).</summary>
    Task<Message> EditOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, EditWebhookMessageRequest edit, CancellationToken cancellationToken = default);

    /// <summary>Deletes the original response.</summary>
    Task DeleteOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default);

    /// <summary>Sends a follow-up message (ephemeral with <see cref="MessageFlags.Ephemeral"/>), for 15 minutes after the interaction.</summary>
    Task<Message> CreateFollowupMessageAsync(ulong applicationId, string interactionToken, ExecuteWebhookRequest message, CancellationToken cancellationToken = default);
}
