using System.Threading.Channels;
using MCPilot.Discord.Gateway.Events;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// One consumer's view of the Gateway: a bounded queue of the events it asked for. Read
/// <see cref="Reader"/>; it completes when the Gateway client stops (faulted with the cause when
/// a fatal close code stopped it). Dispose to unsubscribe.
/// </summary>
public sealed class GatewaySubscription : IDisposable
{
    private readonly Channel<GatewayEvent> _queue;
    private readonly Func<GatewayEvent, bool>? _filter;
    private readonly Action<GatewaySubscription> _unsubscribe;
    private long _delivered;
    private int _disposed;

    internal GatewaySubscription(GatewaySubscriptionOptions options, Action<GatewaySubscription> unsubscribe)
    {
        Name = options.Name;
        Capacity = options.Capacity;
        _filter = options.Filter;
        _unsubscribe = unsubscribe;
        _queue = Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
            SingleReader = false,
        });
    }

    /// <summary>The subscription's name.</summary>
    public string Name { get; }

    /// <summary>Its queue's capacity.</summary>
    public int Capacity { get; }

    /// <summary>The events, in order per shard.</summary>
    public ChannelReader<GatewayEvent> Reader => _queue.Reader;

    /// <summary>Events put in its queue so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Stops the subscription and completes <see cref="Reader"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe(this);
            _queue.Writer.TryComplete();
        }
    }

    internal bool Accepts(GatewayEvent gatewayEvent) => _filter is null || _filter(gatewayEvent);

    /// <summary>Queues an event; false when it had to wait (the queue was full).</summary>
    internal bool TryWrite(GatewayEvent gatewayEvent)
    {
        if (!_queue.Writer.TryWrite(gatewayEvent))
        {
            return Volatile.Read(ref _disposed) == 1;
        }

        Interlocked.Increment(ref _delivered);
        return true;
    }

    internal async ValueTask WriteAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(gatewayEvent, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _delivered);
        }
        catch (ChannelClosedException)
        {
            // Disposed while waiting: the consumer left.
        }
    }

    internal void Complete(Exception? error) => _queue.Writer.TryComplete(error);
}
