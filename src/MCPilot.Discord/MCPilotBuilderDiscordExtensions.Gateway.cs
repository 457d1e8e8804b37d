using MCPilot.Discord;
using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Interactions;
using MCPilot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class MCPilotBuilderDiscordExtensions
{
    /// <summary>
    /// Adds the Discord Gateway (and the REST client it needs): <see cref="DiscordGatewayClient"/>,
    /// typed events for handlers (<see cref="IGatewayEventHandler{TEvent}"/>, <see cref="IGatewayEventSource"/>),
    /// the guild/channel/role cache (<see cref="IDiscordCache"/>), slash commands, and a hosted
    /// service that connects at start. The token is <c>MCPilot:Discord:Token</c> (or <c>DISCORD_TOKEN</c>);
    /// Gateway settings bind from <c>MCPilot:Discord:Gateway</c> and are validated at start. A
    /// rejected token or a fatal close code (e.g. an intent not enabled in the Developer Portal)
    /// logs what to do and stops the application.
    /// </summary>
    public static IMCPilotBuilder AddDiscordGateway(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDiscordRest();
        var services = builder.Services;
        services.AddValidatedOptions<GatewayOptions>(GatewayOptions.SectionName, bindConfiguration: false);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GatewayOptions>, GatewayOptionsFromConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var rest = sp.GetRequiredService<IDiscordRestClient>();
            return new DiscordGatewayClient(
                sp.GetRequiredService<IOptions<DiscordOptions>>().Value.Token ?? "",
                sp.GetRequiredService<IOptions<GatewayOptions>>().Value,
                rest.GetGatewayBotAsync,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.TryAddSingleton(sp => new DiscordCache(sp.GetRequiredService<IDiscordRestClient>()));
        services.TryAddSingleton<IDiscordCache>(sp => sp.GetRequiredService<DiscordCache>());
        services.TryAddSingleton<GatewayEventDispatcher>();
        services.TryAddSingleton<IGatewayEventSource>(sp => sp.GetRequiredService<GatewayEventDispatcher>());
        services.TryAddSingleton<SlashCommandRegistrar>();
        builder.AddGatewayEventHandler<InteractionCreateEvent, InteractionDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DiscordGatewayService>());
        return builder;
    }

    /// <summary>Adds the Discord Gateway and configures it in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddDiscordGateway(this IMCPilotBuilder builder, Action<GatewayOptions> configure) =>
        builder.AddConfigured(static b => b.AddDiscordGateway(), configure);

    /// <summary>Adds the Discord Gateway and binds its options from <paramref name="section"/> (applied after <c>MCPilot:Discord:Gateway</c>).</summary>
    public static IMCPilotBuilder AddDiscordGateway(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<GatewayOptions>(static b => b.AddDiscordGateway(), section);

    /// <summary>
    /// Adds a handler of Gateway events of type <typeparamref name="TEvent"/> (a singleton, with its
    /// own bounded queue; see <see cref="IGatewayEventHandler{TEvent}"/>). Adding the same pair twice is harmless.
    /// </summary>
    public static IMCPilotBuilder AddGatewayEventHandler<TEvent, THandler>(this IMCPilotBuilder builder)
        where TEvent : GatewayEvent
        where THandler : class, IGatewayEventHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<THandler>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGatewayHandlerRegistration, GatewayHandlerRegistration<TEvent, THandler>>());
        return builder;
    }

    /// <summary>
    /// Adds a slash command (a singleton): registered with Discord at start when its definition
    /// changed, and run for every invocation by name. Adds the Gateway too.
    /// </summary>
    public static IMCPilotBuilder AddSlashCommand<TCommand>(this IMCPilotBuilder builder)
        where TCommand : class, ISlashCommand
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDiscordGateway();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISlashCommand, TCommand>());
        return builder;
    }
}
