using MCPilot.Discord.Gateway.Events;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// Handles Gateway events of type <typeparamref name="TEvent"/> (or any subtype: a handler of
/// <see cref="ChannelEvent"/> sees channel and thread events alike). Register it with
/// <c>builder.AddGatewayEventHandler&lt;TEvent, THandler&gt;()</c>: it gets its own bounded queue and
/// is called with one event at a time, in the order its shard received them, so a slow handler
/// delays no other handler until its queue is full (then the shards pause reading; heartbeats go on).
/// An exception is logged and the next event is handled.
/// </summary>
/// <typeparam name="TEvent">The events it handles.</typeparam>
public interface IGatewayEventHandler<in TEvent>
    where TEvent : GatewayEvent
{
    /// <summary>Handles one event.</summary>
    /// <param name="gatewayEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    ValueTask HandleAsync(TEvent gatewayEvent, CancellationToken cancellationToken);
}
