using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>A registered <see cref="IGatewayEventHandler{TEvent}"/>: its subscription and its loop.</summary>
internal interface IGatewayHandlerRegistration
{
    /// <summary>The options of the handler's subscription.</summary>
    GatewaySubscriptionOptions SubscriptionOptions(GatewayOptions options);

    /// <summary>Feeds the subscription's events to the handler, one at a time, until the subscription completes.</summary>
    Task RunAsync(IServiceProvider services, GatewaySubscription subscription, ILogger logger, CancellationToken cancellationToken);
}
