using MCPilot.Entities;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MCPilot.AspNetCore;

/// <summary>Ready once every entity has been loaded from the store.</summary>
internal sealed class EntityRegistryHealthCheck(EntityRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(registry.IsLoaded
            ? HealthCheckResult.Healthy($"{registry.Count} entities loaded.")
            : HealthCheckResult.Unhealthy("The entities are not loaded yet (or the store is unreachable: see the log)."));
}
