using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MCPilot.AspNetCore.Sessions;

/// <summary>Closes idle sessions every <see cref="EntityEndpointOptions.ReapInterval"/>, and every session at shutdown.</summary>
internal sealed class EntitySessionReaper(EntitySessionManager sessions, IOptionsMonitor<EntityEndpointOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.CurrentValue.ReapInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await sessions.ReapAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await sessions.DisposeAsync().ConfigureAwait(false);
    }
}
