namespace MCPilot.Discord.Gateway;

/// <summary>
/// The typed events of every shard this host runs, fanned out to independent subscribers: each
/// subscription has its own bounded queue and sees every event dispatched after it was taken,
/// in order per shard. For long-lived consumers prefer <see cref="IGatewayEventHandler{TEvent}"/>,
/// whose subscription exists before the first event.
/// </summary>
public interface IGatewayEventSource
{
    /// <summary>Starts a subscription; dispose it to stop (an undisposed, unread one holds back every consumer once full).</summary>
    GatewaySubscription Subscribe(GatewaySubscriptionOptions? options = null);
}
