using System.Diagnostics.CodeAnalysis;
using MCPilot.Discord;
using MCPilot.Discord.Entities;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.DiscordTools;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures MCPilot's entities: the registry, keys, routing, the entity tool surface and its Discord side.</summary>
public static class MCPilotBuilderEntityExtensions
{
    /// <summary>
    /// Adds the entity registry, keys, router, feeds and tool plumbing (<c>AddEntityEndpoints()</c>
    /// calls it), with <see cref="EntityOptions"/> bound from <c>MCPilot:Entities</c> and validated at
    /// start, and the Discord-free entity tools: <c>whoami</c>, <c>get_mentions</c>,
    /// <c>wait_for_messages</c> and <c>read_dms</c>. The stores (<see cref="IEntityStore"/>,
    /// <see cref="IEntityCredentialStore"/>, <see cref="ISentMessageStore"/>, <see cref="IDmRouteStore"/>,
    /// <c>IMessageCounterStore</c>, <c>IToolCallAuditLog</c>) come from a storage package. The Discord
    /// tools come with <see cref="AddEntityDiscord(IMCPilotBuilder)"/>.
    /// </summary>
    public static IMCPilotBuilder AddEntities(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<EntityOptions>(EntityOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityOptions>, EntityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EntityDirectory>();
        services.TryAddSingleton<IEntityAvatarStore, InMemoryEntityAvatarStore>();
        services.TryAddSingleton(sp => new EntityRegistry(
            sp.GetRequiredService<IEntityStore>(), sp.GetRequiredService<IEntityAvatarStore>(), sp.GetRequiredService<EntityDirectory>(),
            sp.GetRequiredService<IOptionsMonitor<MCPilot.MCPilotOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new EntityKeys(
            sp.GetRequiredService<IEntityCredentialStore>(), sp.GetRequiredService<IEntityStore>(), sp.GetRequiredService<IOptionsMonitor<EntityOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EntityKeys>>()));
        services.TryAddSingleton<OwnMessageLedger>();
        services.TryAddSingleton<LoopGuard>();
        services.TryAddSingleton<EntitySendLimiters>();
        services.TryAddSingleton<FeedWriter>();
        services.TryAddSingleton(sp => new EntityRouter(
            sp.GetRequiredService<EntityDirectory>(), sp.GetRequiredService<OwnMessageLedger>(), sp.GetRequiredService<LoopGuard>(),
            sp.GetRequiredService<IDmRouteStore>(), sp.GetRequiredService<IOptionsMonitor<EntityOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EntityRouter>>(), sp.GetRequiredService<FeedWriter>()));
        services.TryAddSingleton(sp =>
        {
            var channels = sp.GetService<IDiscordCache>();
            var directory = sp.GetRequiredService<EntityDirectory>();
            return new FeedNames(id => channels?.GetChannel(id)?.Name, id => directory.Get(id)?.Name);
        });
        services.TryAddSingleton<EntityPrimitiveCatalog>();
        services.TryAddSingleton<EntityCallFilter>();
        services.TryAddSingleton(sp => new EntityServerFactory(
            sp.GetRequiredService<EntityDirectory>(), sp.GetRequiredService<EntityRouter>(), sp.GetRequiredService<EntitySendLimiters>(),
            sp.GetRequiredService<OwnMessageLedger>(), sp.GetRequiredService<EntityPrimitiveCatalog>(), sp.GetRequiredService<EntityCallFilter>(),
            sp.GetRequiredService<FeedNames>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EntityServerFactory>>()));
        services.TryAddScoped<EntityContextAccessor>();
        services.TryAddScoped(sp => sp.GetRequiredService<EntityContextAccessor>().Require());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EntityDirectoryLoader>());
        services.TryAddSingleton<FeedRestorer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FeedRestorer>(sp => sp.GetRequiredService<FeedRestorer>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FeedWriter>(sp => sp.GetRequiredService<FeedWriter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SentMessagePruner>());
        builder.AddEntityTools<EntityInfoTools>();
        builder.AddEntityTools<EntityFeedTools>();
        return builder;
    }

    /// <summary>Adds the entity services and configures <see cref="EntityOptions"/> in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddEntities(this IMCPilotBuilder builder, Action<EntityOptions> configure) =>
        builder.AddConfigured(static b => b.AddEntities(), configure);

    /// <summary>Adds the entity services and binds <see cref="EntityOptions"/> from <paramref name="section"/>.</summary>
    public static IMCPilotBuilder AddEntities(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<EntityOptions>(static b => b.AddEntities(), section);

    /// <summary>
    /// Adds the entities (<see cref="AddEntities(IMCPilotBuilder)"/>), the Discord REST client
    /// (<c>AddDiscordRest()</c>, configured from <c>MCPilot:Discord</c>) and the entity's Discord side:
    /// the tools <c>list_servers</c>, <c>list_channels</c>, <c>read_messages</c>, <c>send_message</c>,
    /// <c>add_reaction</c> and <c>send_dm</c>; <see cref="IEntityDiscord"/>, the policy-limited
    /// Discord handle plugin tools take in their constructor; and <see cref="DiscordMessageRouter"/>,
    /// which routes the Gateway's <c>MESSAGE_CREATE</c> events to entity feeds and DMs. With
    /// <c>AddDiscordGateway()</c> (in either order) the Gateway's message events are routed by themselves.
    /// </summary>
    public static IMCPilotBuilder AddEntityDiscord(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEntities();
        builder.AddDiscordRest();
        var services = builder.Services;
        services.TryAddSingleton<ChannelReadMarkers>();
        services.TryAddSingleton(sp => new DiscordMessageRouter(
            sp.GetRequiredService<EntityRouter>(), sp.GetRequiredService<IDiscordCache>(), sp.GetRequiredService<ILogger<DiscordMessageRouter>>()));
        services.TryAddScoped<IEntityDiscord>(sp => new EntityDiscord(
            sp.GetRequiredService<IEntityContext>(), sp.GetRequiredService<IDiscordRestClient>(), sp.GetRequiredService<IWebhookIdentityEngine>(),
            sp.GetRequiredService<IDiscordCache>(), sp.GetRequiredService<OwnMessageLedger>(), sp.GetRequiredService<IOptionsMonitor<EntityOptions>>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>()));
        builder.AddEntityTools<DiscordChannelTools>();
        builder.AddEntityTools<DiscordSendTools>();
        builder.AddGatewayEventHandler<MessageCreateEvent, GatewayMessageHandler>();
        return builder;
    }

    /// <summary>Adds the entity's Discord side and configures the Discord client in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddEntityDiscord(this IMCPilotBuilder builder, Action<DiscordOptions> configure) =>
        builder.AddConfigured(static b => b.AddEntityDiscord(), configure);

    /// <summary>Adds the entity's Discord side and binds the Discord client's options from <paramref name="section"/> (applied after <c>MCPilot:Discord</c>).</summary>
    public static IMCPilotBuilder AddEntityDiscord(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<DiscordOptions>(static b => b.AddEntityDiscord(), section);

    /// <summary>
    /// Serves the <c>[McpServerTool]</c> methods of <typeparamref name="T"/> in every entity session
    /// (subject to each entity's tool allow-list). Instance methods get a new <typeparamref name="T"/>
    /// per call from the request's services, so its constructor can take <see cref="IEntityContext"/>
    /// (and, with <see cref="AddEntityDiscord(IMCPilotBuilder)"/>, <see cref="IEntityDiscord"/>).
    /// Failures thrown as <see cref="EntityToolException"/>, and Discord's refusals, reach the client as tool errors.
    /// </summary>
    public static IMCPilotBuilder AddEntityTools<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this IMCPilotBuilder builder)
        where T : class => builder.AddEntityPrimitives(typeof(T), EntityPrimitiveKind.Tool);

    /// <summary>
    /// Serves the <c>[McpServerPrompt]</c> methods of <typeparamref name="T"/> in every entity session,
    /// besides the entity's own <c>persona</c> prompt. Instance methods get a new <typeparamref name="T"/>
    /// per request from the request's services, as with <see cref="AddEntityTools{T}(IMCPilotBuilder)"/>.
    /// Sessions then also answer <c>completion/complete</c>: with the values of the arguments'
    /// <c>[AllowedValues]</c>, and with none for other arguments.
    /// </summary>
    public static IMCPilotBuilder AddEntityPrompts<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this IMCPilotBuilder builder)
        where T : class => builder.AddEntityPrimitives(typeof(T), EntityPrimitiveKind.Prompt);

    /// <summary>
    /// Serves the <c>[McpServerResource]</c> methods of <typeparamref name="T"/> (resources, and resource
    /// templates when the URI has parameters) in every entity session, besides the entity's own feed
    /// resources. Instance methods get a new <typeparamref name="T"/> per request from the request's
    /// services, as with <see cref="AddEntityTools{T}(IMCPilotBuilder)"/>. Clients may subscribe to
    /// them; MCPilot itself never changes them, so a plugin whose resource changes sends
    /// <c>notifications/resources/updated</c> through the <c>McpServer</c> its methods can take.
    /// Sessions then also answer <c>completion/complete</c>, as with <see cref="AddEntityPrompts{T}(IMCPilotBuilder)"/>.
    /// </summary>
    public static IMCPilotBuilder AddEntityResources<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this IMCPilotBuilder builder)
        where T : class => builder.AddEntityPrimitives(typeof(T), EntityPrimitiveKind.Resource);

    private static IMCPilotBuilder AddEntityPrimitives(this IMCPilotBuilder builder, Type type, EntityPrimitiveKind kind)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registration = new EntityPrimitiveType(type, kind);
        if (!builder.Services.Any(d => d.ServiceType == typeof(EntityPrimitiveType) && Equals(d.ImplementationInstance, registration)))
        {
            builder.Services.AddSingleton(registration);
        }

        return builder;
    }
}
