using System.Collections.Concurrent;
using MCPilot.Entities;
using MCPilot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Feed persistence (<see cref="EntityFeedOptions.Persist"/>), the writing half: writes every changed
/// feed through the <see cref="IEntityFeedStore"/> in the background, batching the changes that
/// arrive while a write is under way, so that routing never waits for the store. A failed write is
/// logged and retried with backoff (feeds keep working from memory meanwhile). When the host has
/// stopped (after every other service, so the Gateway's last messages are in), it writes what is
/// left. <see cref="Ready"/> gates routing until <see cref="FeedRestorer"/> has put the stored feeds
/// back. With persistence off it does nothing, is ready at once, and never touches the store.
/// </summary>
internal sealed partial class FeedWriter : BackgroundService, IHostedLifecycleService
{
    /// <summary>How long the final write, once the host has stopped, may take.</summary>
    public static readonly TimeSpan FinalWriteTimeout = TimeSpan.FromSeconds(10);

    private readonly IEntityFeedStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(EntityId, FeedKind), EntityFeed> _dirty = new();
    private readonly ConcurrentDictionary<(EntityId, FeedKind), long> _written = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Never disposed: a late change (a message routed while the host shuts down) must not throw.
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly SemaphoreSlim _writing = new(1, 1);

    public FeedWriter(IEntityFeedStore store, IOptions<EntityOptions> options, TimeProvider time, ILogger<FeedWriter> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        Enabled = options.Value.Feeds.Persist;
        Node = options.Value.Feeds.Node;
        if (!Enabled)
        {
            _ready.SetResult();
        }
    }

    /// <summary>Whether feeds persist (read once, at start).</summary>
    public bool Enabled { get; }

    /// <summary>The name this host's feeds are stored under.</summary>
    public string Node { get; }

    /// <summary>Completes when the stored feeds are back (at once when persistence is off); routing waits for it.</summary>
    public Task Ready => _ready.Task;

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
    /// Records the feeds <see cref="FeedRestorer"/> put back (their stored messages need no writing)
    /// and opens the gate: routing starts.
    /// </summary>
    public void Restored(IEnumerable<FeedSnapshot> restored)
    {
        ArgumentNullException.ThrowIfNull(restored);
        foreach (var feed in restored)
        {
            _written[(feed.EntityId, feed.Kind)] = feed.Messages.Count > 0 ? feed.Messages[^1].Sequence : 0;
        }

        _ready.TrySetResult();
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
                await _store.SaveAsync(Node, [.. batch.Select(b => b.Snapshot)], cancellationToken).ConfigureAwait(false);
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

            foreach (var (feed, snapshot) in batch.Where(b => b.Snapshot.Messages.Count > 0))
            {
                _written[(feed.EntityId, feed.Kind)] = snapshot.Messages[^1].Sequence;
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

        var backoff = new Backoff(_time);
        try
        {
            while (true)
            {
                await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    await WriteChangesAsync(stoppingToken).ConfigureAwait(false);
                    backoff.Reset();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogWriteFailed(_logger, _dirty.Count, backoff.Current.TotalSeconds, e);
                    await backoff.WaitAsync(stoppingToken).ConfigureAwait(false);
                    Wake();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StoppedAsync writes what is left.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Once every service has stopped (nothing routes any more), writes the feeds that changed last.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
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

    [LoggerMessage(1, LogLevel.Warning, "Could not write {Feeds} entity feeds to the store; they stay in memory and are retried in {Seconds} s.")]
    private static partial void LogWriteFailed(ILogger logger, int feeds, double seconds, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "Could not write {Feeds} changed entity feeds to the store while stopping; their newest changes are lost.")]
    private static partial void LogFinalWriteFailed(ILogger logger, int feeds, Exception exception);
}
