using MCPilot.Entities;
using MCPilot.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MCPilot.AspNetCore;

/// <summary>Ready once every entity has been loaded from the store, and (when feeds persist) their stored feeds are back.</summary>
internal sealed class EntityRegistryHealthCheck(EntityRegistry registry, EntityRouter router) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !registry.IsLoaded ? HealthCheckResult.Unhealthy("The entities are not loaded yet (or the store is unreachable: see the log).")
            : !router.FeedsReady ? HealthCheckResult.Unhealthy("The stored entity feeds are not restored yet (or the store is unreachable: see the log).")
            : HealthCheckResult.Healthy($"{registry.Count} entities loaded."));
}
