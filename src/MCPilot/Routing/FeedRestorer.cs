using MCPilot.Entities;
using MCPilot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Feed persistence (<see cref="EntityFeedOptions.Persist"/>), the reading half: when the host
/// starts, deletes stored messages older than <see cref="EntityFeedOptions.Retention"/> and puts
/// this node's stored feeds back into the router's feeds, retrying with backoff while the store is
/// unreachable; routing waits until it has (<see cref="FeedWriter.Ready"/>), so a new message can
/// never race a restore. Then it deletes expired messages every <see cref="PruneInterval"/>. With
/// persistence off it does nothing.
/// </summary>
internal sealed partial class FeedRestorer : BackgroundService
{
    /// <summary>How often expired persisted messages are deleted.</summary>
    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly EntityRouter _router;
    private readonly FeedWriter _writer;
    private readonly IEntityFeedStore _store;
    private readonly EntityOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FeedRestorer(EntityRouter router, FeedWriter writer, IEntityFeedStore store, IOptions<EntityOptions> options, TimeProvider time, ILogger<FeedRestorer> logger)
    {
        _router = router;
        _writer = writer;
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Deletes expired messages, then restores this node's feeds and opens the routing gate.</summary>
    /// <returns>How many feeds were restored (0 when persistence is off).</returns>
    public async Task<int> RestoreAsync(CancellationToken cancellationToken)
    {
        if (!_writer.Enabled)
        {
            return 0;
        }

        await PruneAsync(cancellationToken).ConfigureAwait(false);
        var stored = await _store.LoadAsync(_writer.Node, _options.FeedCapacity, cancellationToken).ConfigureAwait(false);
        var restored = new List<FeedSnapshot>();
        foreach (var snapshot in stored)
        {
            var feed = snapshot.Kind == FeedKind.DirectMessages ? _router.DirectFeed(snapshot.EntityId) : _router.Feed(snapshot.EntityId);
            if (feed.Restore(snapshot))
            {
                restored.Add(snapshot);
            }
        }

        _writer.Restored(restored);
        LogRestored(_logger, restored.Count, restored.Sum(f => f.Messages.Count), _writer.Node);
        return restored.Count;
    }

    /// <summary>Deletes the stored messages older than the retention.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var deleted = await _store.PruneAsync(_time.GetUtcNow() - _options.Feeds.Retention, cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogPruned(_logger, deleted, _options.Feeds.Retention);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_writer.Enabled)
        {
            return;
        }

        try
        {
            var backoff = new Backoff(_time);
            while (true)
            {
                try
                {
                    await RestoreAsync(stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRestoreFailed(_logger, backoff.Current.TotalSeconds, e);
                }

                await backoff.WaitAsync(stoppingToken).ConfigureAwait(false);
            }

            using var timer = new PeriodicTimer(PruneInterval, _time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await PruneAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPruneFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Restored {Feeds} entity feeds ({Messages} messages) of node '{Node}' from the store.")]
    private static partial void LogRestored(ILogger logger, int feeds, int messages, string node);

    [LoggerMessage(2, LogLevel.Error, "Could not restore the entity feeds from the store; messages wait to be routed until they are back; retrying in {Seconds} s.")]
    private static partial void LogRestoreFailed(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Deleted {Count} persisted feed messages older than {Retention}.")]
    private static partial void LogPruned(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(4, LogLevel.Warning, "Could not delete expired persisted feed messages; trying again at the next interval.")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
