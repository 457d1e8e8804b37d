using System.Collections.Concurrent;
using MCPilot.Entities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Feed persistence (<see cref="EntityFeedOptions.Persist"/>): puts the stored feeds back when the
/// host starts (<see cref="RestoreAsync"/>), then writes every changed feed through the
/// <see cref="IEntityFeedStore"/> in the background, batching the changes that arrive while a write
/// is under way, so that routing never waits for the store. A failed write is logged and retried
/// with backoff (feeds keep working from memory meanwhile); a graceful stop writes what is left.
/// With persistence off it does nothing and never touches the store.
/// </summary>
internal sealed partial class FeedWriter : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>How long a graceful stop may spend writing the feeds that changed last.</summary>
    public static readonly TimeSpan FinalWriteTimeout = TimeSpan.FromSeconds(10);

    private readonly IEntityFeedStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(EntityId, FeedKind), EntityFeed> _dirty = new();
    private readonly ConcurrentDictionary<(EntityId, FeedKind), long> _written = new();
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly SemaphoreSlim _writing = new(1, 1);

    public FeedWriter(IEntityFeedStore store, IOptions<EntityOptions> options, TimeProvider time, ILogger<FeedWriter> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        Enabled = options.Value.Feeds.Persist;
    }

    /// <summary>Whether feeds persist (read once, at start).</summary>
    public bool Enabled { get; }

    /// <summary>Notes that a feed changed; it is written soon, in the background. Never blocks.</summary>
    public void Changed(EntityFeed feed)
    {
        _dirty[(feed.EntityId, feed.Kind)] = feed;
        Wake();
    }

    /// <summary>Forgets an entity that was deleted: its feeds are not written again.</summary>
    public void Forget(EntityId entityId)
    {
        foreach (var kind in (ReadOnlySpan<FeedKind>)[FeedKind.Channels, FeedKind.DirectMessages])
        {
            _dirty.TryRemove((entityId, kind), out _);
            _written.TryRemove((entityId, kind), out _);
        }
    }

    /// <summary>
    /// Puts every stored feed back into <paramref name="router"/>'s feeds. Run before the entities
    /// are loaded, so that nothing has been routed to a feed yet.
    /// </summary>
    /// <returns>How many feeds were restored (0 when persistence is off).</returns>
    public async Task<int> RestoreAsync(EntityRouter router, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        if (!Enabled)
        {
            return 0;
        }

        var stored = await _store.LoadAsync(capacity, cancellationToken).ConfigureAwait(false);
        var restored = 0;
        foreach (var snapshot in stored)
        {
            var feed = snapshot.Kind == FeedKind.DirectMessages ? router.DirectFeed(snapshot.EntityId) : router.Feed(snapshot.EntityId);
            if (feed.Restore(snapshot))
            {
                _written[(snapshot.EntityId, snapshot.Kind)] = snapshot.Messages.Count > 0 ? snapshot.Messages[^1].Sequence : 0;
                restored++;
            }
        }

        LogRestored(_logger, restored, stored.Sum(f => f.Messages.Count));
        return restored;
    }

    /// <summary>Writes the feeds that changed since the last write, in one batch.</summary>
    /// <returns>How many feeds were written.</returns>
    public async Task<int> WriteChangesAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<(EntityFeed Feed, FeedSnapshot Snapshot)>();
            foreach (var key in _dirty.Keys)
            {
                if (_dirty.TryRemove(key, out var feed))
                {
                    batch.Add((feed, feed.Snapshot(_written.GetValueOrDefault(key))));
                }
            }

            if (batch.Count == 0)
            {
                return 0;
            }

            try
            {
                await _store.SaveAsync([.. batch.Select(b => b.Snapshot)], cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Not written: mark them changed again (a newer change may already have), to retry.
                foreach (var (feed, _) in batch)
                {
                    _dirty.TryAdd((feed.EntityId, feed.Kind), feed);
                }

                throw;
            }

            foreach (var (feed, snapshot) in batch)
            {
                if (snapshot.Messages.Count > 0)
                {
                    _written[(feed.EntityId, feed.Kind)] = snapshot.Messages[^1].Sequence;
                }
            }

            return batch.Count;
        }
        finally
        {
            _writing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var backoff = FirstBackoff;
        try
        {
            while (true)
            {
                await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    await WriteChangesAsync(stoppingToken).ConfigureAwait(false);
                    backoff = FirstBackoff;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogWriteFailed(_logger, _dirty.Count, backoff.TotalSeconds, e);
                    await Task.Delay(backoff, _time, stoppingToken).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    Wake();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!Enabled || _dirty.IsEmpty)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(FinalWriteTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await WriteChangesAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogFinalWriteFailed(_logger, _dirty.Count, e);
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        _writing.Dispose();
        base.Dispose();
    }

    // Wakes the write loop (at most one wake-up is pending; more would add nothing).
    private void Wake()
    {
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change woke it first.
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Restored {Feeds} entity feeds ({Messages} messages) from the store.")]
    private static partial void LogRestored(ILogger logger, int feeds, int messages);

    [LoggerMessage(2, LogLevel.Warning, "Could not write {Feeds} entity feeds to the store; they stay in memory and are retried in {Seconds} s.")]
    private static partial void LogWriteFailed(ILogger logger, int feeds, double seconds, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "Could not write {Feeds} changed entity feeds to the store while stopping; their newest changes are lost.")]
    private static partial void LogFinalWriteFailed(ILogger logger, int feeds, Exception exception);
}
