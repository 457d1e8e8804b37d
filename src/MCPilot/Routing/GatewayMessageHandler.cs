using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;

namespace MCPilot.Routing;

/// <summary>
/// Feeds the Gateway's <c>MESSAGE_CREATE</c> events (guild messages and DMs) to the entity router,
/// with the thread parent the Gateway's cache already knows.
/// </summary>
internal sealed class GatewayMessageHandler(DiscordMessageRouter router) : IGatewayEventHandler<MessageCreateEvent>
{
    public async ValueTask HandleAsync(MessageCreateEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        await router.RouteAsync(gatewayEvent.Message, gatewayEvent.ParentChannelId, cancellationToken).ConfigureAwait(false);
    }
}
