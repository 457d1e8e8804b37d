using MCPilot.Host.Composition;
using MCPilot.Host.Status;

namespace MCPilot.Host.Discord;

/// <summary>
/// The host's Discord side, the same against real Discord and the playground's FakeDiscord: the
/// entities' Discord tools, the Gateway (MESSAGE_CREATE to entity feeds and DMs), the entity commands (<c>/entities</c>, <c>/talk</c>,
/// <c>/leaderboard</c>, the ❓ provenance reaction), the host's <c>/status</c>, the Gateway's
/// status section and readiness, and the token check at start.
/// </summary>
internal static class HostDiscordComposition
{
    /// <summary>The Discord client must already be configured (real Discord from configuration, or FakeDiscord).</summary>
    public static void AddHostDiscord(this IServiceCollection services)
    {
        services.AddMCPilot()
            .AddEntityDiscord()
            .AddDiscordGateway()
            .AddEntityCommands()
            .AddSlashCommand<StatusSlashCommand>();
        services.AddHostStatusSource<GatewayStatusSource>();
        services.AddSingleton<DiscordSignIn>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordSignIn>());
        services.AddHealthChecks().AddCheck<GatewayHealthCheck>("discord-gateway", tags: [MCPilotEndpointRouteBuilderExtensions.ReadyTag]);
    }
}
