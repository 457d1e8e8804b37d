using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Entities;

/// <summary>
/// Deletes the records of which entity sent which message once they are older than
/// <see cref="EntityOptions.SentMessageRetention"/>: <see cref="FirstDelay"/> after start (when the
/// store is migrated and the host busy with nothing else), then every <see cref="Interval"/>.
/// A failed prune is logged and tried again at the next tick.
/// </summary>
internal sealed partial class SentMessagePruner(ISentMessageStore store, IOptionsMonitor<EntityOptions> options, TimeProvider time, ILogger<SentMessagePruner> logger) : BackgroundService
{
    /// <summary>How often records are pruned.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>How long after start the first prune runs.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    /// <summary>Prunes once; returns how many records were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.CurrentValue.SentMessageRetention;
        try
        {
            var deleted = await store.PruneAsync(before, cancellationToken).ConfigureAwait(false);
            LogPruned(logger, deleted, before);
            return deleted;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPruneFailed(logger, e);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstDelay, time, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                await PruneAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Pruned {Count} sent-message records older than {Before:O}.")]
    private static partial void LogPruned(ILogger logger, int count, DateTimeOffset before);

    [LoggerMessage(2, LogLevel.Warning, "Could not prune old sent-message records; trying again at the next interval.")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
