using MCPilot.Discord.Gateway;
using MCPilot.Host.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MCPilot.Host.Discord;

/// <summary>
/// Readiness of the Discord side: not ready until every shard has been ready once (before that the
/// bot neither hears messages nor answers commands), degraded while a shard reconnects afterwards
/// (the entity endpoints still work, and resuming replays what was missed), unhealthy once the
/// Gateway failed (wrong token, intents not enabled: the host stops).
/// </summary>
internal sealed class GatewayHealthCheck(DiscordGatewayClient gateway) : IHealthCheck
{
    // Observes the failure (t.Exception) so that a Gateway that never got ready leaves no unobserved exception.
    private readonly Task<bool> _firstReady = gateway.WaitUntilReadyAsync().ContinueWith(t => t.Exception is null, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (level, state, problem) = GatewayStatusSource.Evaluate(gateway);
        return Task.FromResult(level switch
        {
            HostStatusLevel.Ok => HealthCheckResult.Healthy("Discord Gateway ready."),
            HostStatusLevel.Error => HealthCheckResult.Unhealthy($"Discord Gateway {state}: {problem}"),
            _ when _firstReady is not { IsCompletedSuccessfully: true, Result: true } => HealthCheckResult.Unhealthy($"Discord Gateway {state}: {problem}"),
            _ => HealthCheckResult.Degraded($"Discord Gateway {state}: {problem}"),
        });
    }
}
