using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MCPilot.Storage.EfCore;

/// <summary>
/// Prepares the database before any other hosted service starts: it is registered as the first
/// hosted service and works in <c>StartingAsync</c>, which the host calls in registration order
/// before any <c>StartAsync</c>, so that a Gateway or an endpoint never meets an old schema.
/// </summary>
internal sealed class EfStoreStartup(MCPilotDatabase database, IOptions<StorageOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        database.PrepareAsync(options.Value.ApplyMigrationsAtStart, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
