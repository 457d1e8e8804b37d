using MCPilot.Discord.Gateway.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>The registration of <typeparamref name="THandler"/> for <typeparamref name="TEvent"/>.</summary>
internal sealed class GatewayHandlerRegistration<TEvent, THandler> : IGatewayHandlerRegistration
    where TEvent : GatewayEvent
    where THandler : class, IGatewayEventHandler<TEvent>
{
    private static readonly string Name = typeof(THandler).Name;

    public GatewaySubscriptionOptions SubscriptionOptions(GatewayOptions options) => new()
    {
        Name = Name,
        Capacity = options.HandlerQueueCapacity,
        Filter = static e => e is TEvent,
    };

    public async Task RunAsync(IServiceProvider services, GatewaySubscription subscription, ILogger logger, CancellationToken cancellationToken)
    {
        var handler = services.GetRequiredService<THandler>();
        await foreach (var gatewayEvent in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await handler.HandleAsync((TEvent)gatewayEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                GatewayMetrics.HandlerErrors.Add(1, new KeyValuePair<string, object?>("handler", Name));
                GatewayLog.HandlerFailed(logger, e, Name, gatewayEvent.ToString());
            }
        }
    }
}
