using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MCPilot.Host.Playground;

/// <summary>Ready once the playground's demo entity and its key are prepared.</summary>
internal sealed class PlaygroundHealthCheck(PlaygroundSetup setup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(setup.Demo is { } demo
            ? HealthCheckResult.Healthy($"Playground ready: {demo.Entity.Name} ({demo.Entity.Id}).")
            : HealthCheckResult.Unhealthy("The playground is still preparing its demo entity."));
}
