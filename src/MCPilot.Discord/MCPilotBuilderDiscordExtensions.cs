using System.Net;
using MCPilot.Discord;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MCPilot's Discord client: REST (<c>AddDiscordRest</c>) and Gateway (<c>AddDiscordGateway</c>, handlers, slash commands).</summary>
public static partial class MCPilotBuilderDiscordExtensions
{
    /// <summary>
    /// Adds the Discord REST client (<see cref="IDiscordRestClient"/>), the guild and channel cache
    /// (<see cref="IDiscordCache"/>: fed by the Gateway's events when <c>AddDiscordGateway()</c> is
    /// added too, else filled by channel lookups) and the webhook identity engine
    /// (<see cref="IWebhookIdentityEngine"/>), configured from <c>MCPilot:Discord</c>
    /// and the <c>DISCORD_TOKEN</c> environment variable, validated at start: a missing token
    /// stops the host with a message that says where to get one.
    /// </summary>
    public static IMCPilotBuilder AddDiscordRest(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<DiscordOptions>(DiscordOptions.SectionName, bindConfiguration: false);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<DiscordOptions>, DiscordOptionsFromConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(DiscordRestTransport)))
        {
            // Without IHttpClientFactory's default logging handlers: they log every request's full
            // URL at Information, and webhook and interaction routes carry their token in the path
            // (POST /webhooks/{id}/{token}). The transport logs each request by its route template.
            services.AddHttpClient(DiscordRestTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                    MaxConnectionsPerServer = 64,
                })
                .RemoveAllLoggers();
        }

        services.TryAddSingleton<DiscordRestTransport>();
        services.TryAddSingleton<IDiscordRestClient, DiscordRestClient>();
        services.TryAddSingleton(sp => new DiscordCache(sp.GetRequiredService<IDiscordRestClient>()));
        services.TryAddSingleton<IDiscordCache>(sp => sp.GetRequiredService<DiscordCache>());
        services.TryAddSingleton<IWebhookIdentityEngine, WebhookIdentityEngine>();
        return builder;
    }

    /// <summary>Adds the Discord REST client and configures it in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddDiscordRest(this IMCPilotBuilder builder, Action<DiscordOptions> configure) =>
        builder.AddConfigured(static b => b.AddDiscordRest(), configure);

    /// <summary>Adds the Discord REST client and binds its options from <paramref name="section"/> (applied after <c>MCPilot:Discord</c>).</summary>
    public static IMCPilotBuilder AddDiscordRest(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<DiscordOptions>(static b => b.AddDiscordRest(), section);
}
