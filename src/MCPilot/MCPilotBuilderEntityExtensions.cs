using System.Diagnostics.CodeAnalysis;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures MCPilot's entities: the registry, keys, routing and the entity tool surface.</summary>
public static class MCPilotBuilderEntityExtensions
{
    /// <summary>
    /// Adds the entity registry, keys, router and tool plumbing (<c>AddEntityEndpoints()</c> calls it), with
    /// <see cref="EntityOptions"/> bound from <c>MCPilot:Entities</c> and validated at start. The
    /// stores (<see cref="IEntityStore"/>, <see cref="IEntityCredentialStore"/>,
    /// <c>IMessageCounterStore</c>, <c>IToolCallAuditLog</c>) come from a storage package.
    /// </summary>
    public static IMCPilotBuilder AddEntities(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EntityOptions>().BindConfiguration(EntityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
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
        services.TryAddSingleton(sp => new EntityRouter(
            sp.GetRequiredService<EntityDirectory>(), sp.GetRequiredService<OwnMessageLedger>(), sp.GetRequiredService<LoopGuard>(),
            sp.GetRequiredService<IOptionsMonitor<EntityOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<EntityToolCatalog>();
        services.TryAddSingleton<EntityCallFilter>();
        services.TryAddSingleton(sp => new EntityServerFactory(
            sp.GetRequiredService<EntityDirectory>(), sp.GetRequiredService<EntityRouter>(), sp.GetRequiredService<EntitySendLimiters>(),
            sp.GetRequiredService<OwnMessageLedger>(), sp.GetRequiredService<MCPilot.Activity.IMessageCounterStore>(), sp.GetRequiredService<EntityToolCatalog>(),
            sp.GetRequiredService<EntityCallFilter>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<EntityContextAccessor>();
        services.TryAddScoped(sp => sp.GetRequiredService<EntityContextAccessor>().Require());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EntityDirectoryLoader>());
        builder.AddEntityTools<EntityInfoTools>();
        return builder;
    }

    /// <summary>Adds the entity services and configures <see cref="EntityOptions"/> in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddEntities(this IMCPilotBuilder builder, Action<EntityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddEntities();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the entity services and binds <see cref="EntityOptions"/> from <paramref name="section"/>.</summary>
    public static IMCPilotBuilder AddEntities(this IMCPilotBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        builder.AddEntities();
        builder.Services.Configure<EntityOptions>(section);
        return builder;
    }

    /// <summary>
    /// Serves the <c>[McpServerTool]</c> methods of <typeparamref name="T"/> in every entity session
    /// (subject to each entity's tool allow-list). Instance methods get a new <typeparamref name="T"/>
    /// per call from the request's services, so its constructor can take <see cref="IEntityContext"/>.
    /// Failures thrown as <see cref="EntityToolException"/> reach the client as tool errors.
    /// </summary>
    public static IMCPilotBuilder AddEntityTools<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this IMCPilotBuilder builder)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(EntityToolType) && d.ImplementationInstance is EntityToolType t && t.Type == typeof(T)))
        {
            builder.Services.AddSingleton(new EntityToolType(typeof(T)));
        }

        return builder;
    }
}
