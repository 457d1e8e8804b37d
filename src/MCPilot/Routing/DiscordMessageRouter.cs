using System.Text.Json;
using MCPilot.Discord.Caching;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Serialization;
using Microsoft.Extensions.Logging;

namespace MCPilot.Routing;

/// <summary>
/// The bridge from Discord's Gateway to the entity router: takes a <c>MESSAGE_CREATE</c> (typed, or
/// as the raw JSON of its <c>d</c> field), works out a thread's parent channel (policy is the
/// parent's) through the shared <see cref="DiscordChannelCache"/>, and routes it: guild messages to
/// the feeds of the entities whose policy covers the channel, DMs to one entity's DMs. System
/// messages (joins, pins, thread notices) are not routed.
/// </summary>
public sealed partial class DiscordMessageRouter
{
    private readonly EntityRouter _router;
    private readonly DiscordChannelCache _channels;
    private readonly ILogger _logger;

    internal DiscordMessageRouter(EntityRouter router, DiscordChannelCache channels, ILogger<DiscordMessageRouter> logger)
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
        return RouteAsync(message, cancellationToken);
    }

    /// <summary>Routes a message from a <c>MESSAGE_CREATE</c> event.</summary>
    public async ValueTask<RouteResult> RouteAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!InboundMessageMapper.IsConversation(message))
        {
            return RouteResult.NotRouted;
        }

        ulong? parent = null;
        if (message.GuildId is not null)
        {
            Channel channel;
            try
            {
                channel = await _channels.GetAsync(message.ChannelId, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordRestException e)
            {
                // Without knowing whether it is a thread (and whose), the policy cannot be applied: deliver it to nobody.
                LogChannelUnknown(_logger, message.Id, message.ChannelId, e);
                return RouteResult.NotRouted;
            }

            parent = channel.Type.IsThread() ? channel.ParentId : null;
        }

        return await _router.RouteAsync(InboundMessageMapper.Map(message, parent), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Warning, "Message {MessageId} was not routed: channel {ChannelId} could not be looked up.")]
    private static partial void LogChannelUnknown(ILogger logger, ulong messageId, ulong channelId, Exception exception);
}
