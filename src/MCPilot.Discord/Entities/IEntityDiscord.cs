using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.Tools;

namespace MCPilot.Discord.Entities;

/// <summary>
/// Discord as one entity may use it: the handle MCPilot's own Discord tools are built on, and the
/// one plugin tools take (a constructor parameter of an <c>[McpServerToolType]</c> class registered
/// with <c>AddEntityTools&lt;T&gt;()</c>) to read and write Discord as the entity their caller is
/// connected as. Every call applies the entity's policy first: channels outside its servers or its
/// channel policy (threads follow their parent), DM channels where a guild channel is expected,
/// blocked phrases, content too long, and its send rate limit are refused with an
/// <see cref="EntityToolException"/> (a tool error for the model); posts carry the entity's name and
/// avatar, and are recorded as the entity's (its feed never receives them back, replies to them
/// address it, the leaderboard counts them). What Discord itself refuses surfaces as
/// <see cref="DiscordRestException"/> or <see cref="WebhookIdentityException"/>, which an entity tool
/// call turns into a tool error that says what to do. Available once the host calls
/// <c>AddEntityDiscord()</c>.
/// </summary>
/// <example>
/// <code>
/// [McpServerToolType]
/// public sealed class PollTools(IEntityDiscord discord)
/// {
///     [McpServerTool(Name = "post_poll", Destructive = false), Description("Posts a yes/no poll.")]
///     public async Task&lt;string&gt; PostPoll(string channel, string question, CancellationToken cancellationToken)
///     {
///         var posted = await discord.SendMessageAsync(ulong.Parse(channel), $"📊 {question}", null, cancellationToken);
///         var id = posted.Messages[^1].Id;
///         await discord.AddReactionAsync(ulong.Parse(channel), id, ReactionEmoji.Unicode("👍"), cancellationToken);
///         await discord.AddReactionAsync(ulong.Parse(channel), id, ReactionEmoji.Unicode("👎"), cancellationToken);
///         return $"Poll posted as message {id}.";
///     }
/// }
/// </code>
/// </example>
public interface IEntityDiscord
{
    /// <summary>The entity, its policy, limits and feeds.</summary>
    IEntityContext Context { get; }

    /// <summary>The servers (guilds) the entity is present in that the bot is in too, by name.</summary>
    Task<IReadOnlyList<Guild>> ListServersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The channels the entity may use in one of its servers (or, when <paramref name="guildId"/> is
    /// null, in all of them), with their active threads: text, announcement, forum and media
    /// channels in Discord's order, each thread after its parent.
    /// </summary>
    Task<IReadOnlyList<Channel>> ListChannelsAsync(ulong? guildId = null, CancellationToken cancellationToken = default);

    /// <summary>A channel or thread the entity may use: its id, guild, type, name and (for a thread) parent.</summary>
    Task<CachedChannel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default);

    /// <summary>A page of a channel's or thread's messages, newest first (as Discord returns them).</summary>
    Task<IReadOnlyList<Message>> ReadMessagesAsync(ulong channelId, MessageQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts <paramref name="content"/> in a channel or thread as the entity (its name and avatar,
    /// through the channel's webhook; long content is split, each part one send of the rate limit).
    /// With <see cref="WebhookPostOptions.ReplyTo"/>, the message must exist in that channel.
    /// </summary>
    Task<WebhookPostResult> SendMessageAsync(ulong channelId, string content, WebhookPostOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a reaction to a message (reactions show as the bot's: Discord has no per-webhook reactions).</summary>
    Task AddReactionAsync(ulong channelId, ulong messageId, ReactionEmoji emoji, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a direct message as the bot, showing the entity's name and avatar as the embed's author
    /// (DMs have no webhooks). Only members of the entity's servers can be messaged; their replies
    /// reach the entity's <see cref="IEntityContext.DirectMessages"/>.
    /// </summary>
    /// <returns>The messages sent (several when the content was split).</returns>
    Task<IReadOnlyList<Message>> SendDirectMessageAsync(ulong userId, string content, CancellationToken cancellationToken = default);

    /// <summary>The entity that sent a message, when an MCPilot entity did.</summary>
    ValueTask<EntityId?> FindSenderAsync(ulong messageId, CancellationToken cancellationToken = default);
}
