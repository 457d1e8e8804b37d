using MCPilot.Routing;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// Tells one session's client that new messages wait, where the client asked to be told: after a
/// <c>resources/subscribe</c> to <c>mcpilot://feed</c> or <c>mcpilot://dms</c>, each arrival sends
/// <c>notifications/resources/updated</c> for that URI (at most one per
/// <see cref="MinInterval"/>: a burst of messages is one notification). Notifications travel on the
/// session's server-to-client stream (the Streamable HTTP GET stream, or the legacy SSE stream);
/// a client without one simply gets none, and reads with the tools.
/// </summary>
internal sealed partial class EntityFeedNotifier : IDisposable
{
    /// <summary>The least time between two notifications about one resource.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly Watch[] _watches;
    private readonly Func<string, bool> _servesOther;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private McpServer? _server;
    private int _disposed;

    /// <param name="resources">The feed resources to notify about.</param>
    /// <param name="servesOther">
    /// Whether the session serves another resource with a URI (a plugin's): subscriptions to it are
    /// accepted, and the plugin, not this notifier, tells the client when it changes.
    /// </param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Logs failed notifications.</param>
    public EntityFeedNotifier(IReadOnlyList<EntityFeedResource> resources, Func<string, bool> servesOther, TimeProvider time, ILogger logger)
    {
        _watches = [.. resources.Select(r => new Watch(r.Uri, r.Feed))];
        _servesOther = servesOther;
        _time = time;
        _logger = logger;
        foreach (var watch in _watches)
        {
            watch.Handler = _ => Signal(watch);
        }
    }

    /// <summary>Starts watching the feeds for <paramref name="server"/>'s client.</summary>
    public void Attach(McpServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (Interlocked.CompareExchange(ref _server, server, null) is not null)
        {
            throw new InvalidOperationException("The session's server is already attached.");
        }

        foreach (var watch in _watches)
        {
            watch.Feed.MessageAdded += watch.Handler;
        }
    }

    /// <summary>The <c>resources/subscribe</c> handler.</summary>
    public ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Find(request.Params?.Uri)?.Subscribed = true;
        return ValueTask.FromResult(new EmptyResult());
    }

    /// <summary>The <c>resources/unsubscribe</c> handler.</summary>
    public ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Find(request.Params?.Uri)?.Subscribed = false;
        return ValueTask.FromResult(new EmptyResult());
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var watch in _watches)
        {
            watch.Feed.MessageAdded -= watch.Handler;
        }

        _stop.Cancel();
        _stop.Dispose();
    }

    // The feed watch of a URI; null for a plugin's resource (nothing to watch here); an error for a URI the session does not serve.
    private Watch? Find(string? uri) => _watches.FirstOrDefault(w => string.Equals(w.Uri, uri, StringComparison.Ordinal))
        ?? (uri is not null && _servesOther(uri)
            ? null
            : throw new McpProtocolException(
                $"Unknown resource '{uri}': an entity serves {string.Join(" and ", _watches.Select(w => w.Uri))}, and the resources its plugins add (resources/list and resources/templates/list name them); subscribe to one of those.",
                McpErrorCode.ResourceNotFound));

    // On the router's thread: only flag and, when no send is running, start one.
    private void Signal(Watch watch)
    {
        if (!watch.Subscribed || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        watch.Dirty = true;
        if (Interlocked.CompareExchange(ref watch.Sending, 1, 0) == 0)
        {
            _ = Task.Run(() => PumpAsync(watch));
        }
    }

    private async Task PumpAsync(Watch watch)
    {
        try
        {
            var token = _stop.Token;
            while (watch.Dirty && watch.Subscribed && _server is { } server && !token.IsCancellationRequested)
            {
                watch.Dirty = false;
                await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = watch.Uri }, McpJsonUtilities.DefaultOptions, token).ConfigureAwait(false);
                await Task.Delay(MinInterval, _time, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
        catch (ObjectDisposedException)
        {
            // The session ended.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotifyFailed(_logger, watch.Uri, e);
        }
        finally
        {
            Volatile.Write(ref watch.Sending, 0);
        }

        if (watch.Dirty && watch.Subscribed && Volatile.Read(ref _disposed) == 0)
        {
            Signal(watch);
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Could not notify a client that {Uri} was updated.")]
    private static partial void LogNotifyFailed(ILogger logger, string uri, Exception exception);

    private sealed class Watch(string uri, IEntityFeed feed)
    {
        public int Sending;

        public string Uri { get; } = uri;

        public IEntityFeed Feed { get; } = feed;

        public Action<FeedMessage> Handler { get; set; } = static _ => { };

        public volatile bool Subscribed;

        public volatile bool Dirty;
    }
}
