using System.Threading.Channels;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// The one reader of the client's raw events: decodes each dispatch, applies it to the cache, then
/// hands it to every subscription that wants it, in order. A full subscription makes it wait
/// (nothing is dropped); the wait reaches the shards, which pause reading while heartbeating. A
/// bad event (undecodable, or one the cache cannot apply) is logged and passed on as it can be;
/// it never stops the dispatch of the events after it.
/// </summary>
internal sealed class GatewayEventDispatcher : IGatewayEventSource
{
    private readonly DiscordGatewayClient _client;
    private readonly DiscordCache _cache;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private GatewaySubscription[] _subscriptions = [];
    private bool _completed;
    private Exception? _error;

    public GatewayEventDispatcher(DiscordGatewayClient client, DiscordCache cache, ILoggerFactory loggerFactory)
    {
        _client = client;
        _cache = cache;
        _logger = loggerFactory.CreateLogger("MCPilot.Discord.Gateway");
    }

    public GatewaySubscription Subscribe(GatewaySubscriptionOptions? options = null)
    {
        options ??= new GatewaySubscriptionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, nameof(options.Capacity));
        var subscription = new GatewaySubscription(options, Unsubscribe);
        lock (_lock)
        {
            if (_completed)
            {
                subscription.Complete(_error);
            }
            else
            {
                _subscriptions = [.. _subscriptions, subscription];
            }
        }

        return subscription;
    }

    /// <summary>Dispatches until the client's stream completes (or <paramref name="cancellationToken"/>), then completes every subscription.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            while (await _client.Events.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_client.Events.TryRead(out var dispatch))
                {
                    await DispatchAsync(GatewayEventDecoder.Decode(dispatch), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            error = e is ChannelClosedException { InnerException: { } inner } ? inner : e;
        }
        finally
        {
            GatewaySubscription[] subscriptions;
            lock (_lock)
            {
                _completed = true;
                _error = error;
                subscriptions = _subscriptions;
                _subscriptions = [];
            }

            foreach (var subscription in subscriptions)
            {
                subscription.Complete(error);
            }
        }
    }

    /// <summary>Applies one event to the cache and queues it for its subscribers.</summary>
    internal async ValueTask DispatchAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (gatewayEvent is UnknownGatewayEvent { DecodeError: { } decodeError })
        {
            GatewayLog.DecodeFailed(_logger, gatewayEvent.Name, gatewayEvent.Sequence, gatewayEvent.ShardId, decodeError);
        }

        try
        {
            _cache.Apply(gatewayEvent);
        }
        catch (Exception e)
        {
            // The cache misses this one change; the event still reaches its subscribers, and the next one is dispatched.
            GatewayLog.CacheFailed(_logger, e, gatewayEvent.Name, gatewayEvent.Sequence, gatewayEvent.ShardId);
        }

        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            bool wanted;
            try
            {
                wanted = subscription.Accepts(gatewayEvent);
            }
            catch (Exception e)
            {
                GatewayLog.FilterFailed(_logger, e, subscription.Name, gatewayEvent.Name);
                continue;
            }

            if (wanted && !subscription.TryWrite(gatewayEvent))
            {
                GatewayLog.SubscriptionFull(_logger, subscription.Name, subscription.Capacity);
                await subscription.WriteAsync(gatewayEvent, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Unsubscribe(GatewaySubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }
}
