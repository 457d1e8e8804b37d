using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MCPilot.Host.Playground;

/// <summary>Ready once the playground's demo entity and its key are prepared, and the bot's slash commands are registered (so <c>/talk</c> works as soon as the page is ready).</summary>
internal sealed class PlaygroundHealthCheck(PlaygroundSetup setup, PlaygroundCommandRunner commands) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(setup.Demo switch
        {
            null => HealthCheckResult.Unhealthy("The playground is still preparing its demo entity."),
            _ when !commands.BotCommandsRegistered => HealthCheckResult.Unhealthy("The bot's slash commands are not registered in the playground's FakeDiscord yet (see the log if this lasts)."),
            var demo => HealthCheckResult.Healthy($"Playground ready: {demo.Entity.Name} ({demo.Entity.Id})."),
        });
}
