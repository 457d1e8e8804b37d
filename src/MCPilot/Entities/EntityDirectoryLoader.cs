using MCPilot.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Entities;

/// <summary>
/// Loads every entity into memory when the host starts, retrying (with backoff) while the store is
/// unreachable; readiness reports not-ready until it has succeeded. With feed persistence on, the
/// stored feeds are put back first: until the entities are loaded no message is routed to any
/// feed, so a restored feed never races a new message.
/// </summary>
internal sealed partial class EntityDirectoryLoader : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly EntityRegistry _registry;
    private readonly EntityRouter _router;
    private readonly FeedWriter _feeds;
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EntityDirectoryLoader(EntityRegistry registry, EntityRouter router, FeedWriter feeds, IOptionsMonitor<EntityOptions> options, TimeProvider time, ILogger<EntityDirectoryLoader> logger)
    {
        _registry = registry;
        _router = router;
        _feeds = feeds;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _feeds.RestoreAsync(_router, _options.CurrentValue.FeedCapacity, stoppingToken).ConfigureAwait(false);
                await _registry.LoadAsync(stoppingToken).ConfigureAwait(false);
                LogLoaded(_logger, _registry.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoadFailed(_logger, backoff.TotalSeconds, e);
            }

            await Task.Delay(backoff, _time, stoppingToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Loaded {Count} entities.")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Error, "Could not load the entities from the store; retrying in {Seconds} s.")]
    private static partial void LogLoadFailed(ILogger logger, double seconds, Exception exception);
}
