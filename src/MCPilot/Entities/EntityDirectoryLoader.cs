using MCPilot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MCPilot.Entities;

/// <summary>
/// Loads every entity into memory when the host starts, retrying (with backoff) while the store is
/// unreachable; readiness reports not-ready until it has succeeded.
/// </summary>
internal sealed partial class EntityDirectoryLoader : BackgroundService
{
    private readonly EntityRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EntityDirectoryLoader(EntityRegistry registry, TimeProvider time, ILogger<EntityDirectoryLoader> logger)
    {
        _registry = registry;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(_time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _registry.LoadAsync(stoppingToken).ConfigureAwait(false);
                LogLoaded(_logger, _registry.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoadFailed(_logger, backoff.Current.TotalSeconds, e);
            }

            await backoff.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Loaded {Count} entities.")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Error, "Could not load the entities from the store; retrying in {Seconds} s.")]
    private static partial void LogLoadFailed(ILogger logger, double seconds, Exception exception);
}
