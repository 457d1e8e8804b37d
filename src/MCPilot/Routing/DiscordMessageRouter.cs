using System.Text.Json;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Models;
using MCPilot.Discord.Serialization;
using Microsoft.Extensions.Logging;

namespace MCPilot.Routing;

/// <summary>
/// The bridge from Discord's Gateway to the entity router: takes a <c>MESSAGE_CREATE</c> (typed, or
/// as the raw JSON of its <c>d</c> field), works out a thread's parent channel (policy is the
/// parent's) through <see cref="IDiscordCache"/> (unless the caller knows it), and routes it: guild messages to
/// the feeds of the entities whose policy covers the channel, DMs to one entity's DMs. System
/// messages (joins, pins, thread notices) are not routed.
/// </summary>
public sealed partial class DiscordMessageRouter
{
    private readonly EntityRouter _router;
    private readonly IDiscordCache _channels;
    private readonly ILogger _logger;

    internal DiscordMessageRouter(EntityRouter router, IDiscordCache channels, ILogger<DiscordMessageRouter> logger)
    {
        _router = router;
        _channels = channels;
        _logger = logger;
    }

    /// <summary>Routes the JSON of a <c>MESSAGE_CREATE</c> event's data (Discord's Gateway shape).</summary>
    /// <exception cref="JsonException">The JSON is not a message.</exception>
    public ValueTask<RouteResult> RouteAsync(ReadOnlyMemory<byte> messageCreateJson, CancellationToken cancellationToken = default)
    {
        var message = JsonSerializer.Deserialize<Message>(messageCreateJson.Span, DiscordJson.Options)
            ?? throw new JsonException("A MESSAGE_CREATE payload was null.");
        return RouteAsync(message, null, cancellationToken);
    }

    /// <summary>
    /// Routes a message from a <c>MESSAGE_CREATE</c> event. <paramref name="parentChannelId"/> is the
    /// thread's parent when the caller knows it (the Gateway's cache does); otherwise a guild
    /// message's channel is looked up in <see cref="IDiscordCache"/> (fetched once when unknown).
    /// </summary>
    public async ValueTask<RouteResult> RouteAsync(Message message, ulong? parentChannelId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!InboundMessageMapper.IsConversation(message))
        {
            return RouteResult.NotRouted;
        }

        var parent = parentChannelId;
        if (parent is null && message.GuildId is not null)
        {
            if (await _channels.GetOrFetchChannelAsync(message.ChannelId, cancellationToken).ConfigureAwait(false) is not { } channel)
            {
                // Without knowing whether it is a thread (and whose), the policy cannot be applied: deliver it to nobody.
                LogChannelUnknown(_logger, message.Id, message.ChannelId);
                return RouteResult.NotRouted;
            }

            parent = channel.IsThread ? channel.ParentId : null;
        }

        return await _router.RouteAsync(InboundMessageMapper.Map(message, parent), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Warning, "Message {MessageId} was not routed: channel {ChannelId} is unknown to Discord or hidden from the bot.")]
    private static partial void LogChannelUnknown(ILogger logger, ulong messageId, ulong channelId);
}
