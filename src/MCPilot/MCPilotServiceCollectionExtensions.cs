using MCPilot;
using MCPilot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MCPilot to a service collection.</summary>
public static class MCPilotServiceCollectionExtensions
{
    /// <summary>
    /// Adds MCPilot's core services and its secret vault, with options bound from the
    /// <c>MCPilot</c> configuration section and validated at start. Calling it again returns
    /// the same builder and registers nothing twice. It adds no store: add one to the returned
    /// builder, <c>AddEfStore()</c> (durable) or <c>AddInMemoryStores()</c> (nothing persists);
    /// without one, resolving a store fails with a message that says so.
    /// </summary>
    public static IMCPilotBuilder AddMCPilot(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(MCPilotBuilder) && descriptor.ImplementationInstance is MCPilotBuilder existing)
            {
                return existing;
            }
        }

        var builder = new MCPilotBuilder(services);
        services.AddSingleton(builder);
        services.AddValidatedOptions<MCPilotOptions>(MCPilotOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MCPilotOptions>, MCPilotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        builder.AddVault();
        MissingStores.Register(services);
        return builder;
    }

    /// <summary>Adds MCPilot and configures its options in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddMCPilot(this IServiceCollection services, Action<MCPilotOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddMCPilot();
        services.Configure(configure);
        return builder;
    }

    /// <summary>Adds MCPilot and binds its options from <paramref name="section"/>.</summary>
    public static IMCPilotBuilder AddMCPilot(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddMCPilot();
        services.Configure<MCPilotOptions>(section);
        return builder;
    }
}
