namespace MCPilot.Host.Playground;

/// <summary>The playground's part of the host: FakeDiscord behind the Discord client, the demo entity, the page.</summary>
internal static class PlaygroundComposition
{
    /// <summary>
    /// Points the host's Discord client (REST, and the Gateway, which finds FakeDiscord's through
    /// <c>/gateway/bot</c>) at <paramref name="discord"/> and adds the demo's setup and readiness.
    /// </summary>
    public static void AddPlayground(this WebApplicationBuilder builder, PlaygroundDiscord discord)
    {
        var services = builder.Services;
        services.AddSingleton(discord);
        services.AddMCPilot().AddDiscordRest(o =>
        {
            o.Token = discord.Server.BotToken;
            o.ApiBaseUrl = discord.Server.ApiBaseUrl;
        });
        services.AddSingleton<PlaygroundCommandRunner>();
        services.AddSingleton<PlaygroundSetup>();
        services.AddHostedService(sp => sp.GetRequiredService<PlaygroundSetup>());
        services.AddHealthChecks().AddCheck<PlaygroundHealthCheck>("playground", tags: [MCPilotEndpointRouteBuilderExtensions.ReadyTag]);
    }
}
