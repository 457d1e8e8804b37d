using MCPilot.Host.Playground;
using MCPilot.Host.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MCPilot.Host.Composition;

/// <summary>
/// The host's service graph, shared by the web host and the operator CLI so that both see the same
/// configuration, database and vault: MCPilot with its durable store (SQLite in the data directory
/// by default, PostgreSQL by configuration) and the entity endpoints' services.
/// </summary>
internal static class HostComposition
{
    /// <summary>Adds MCPilot as this host configures it; returns what was settled before the services exist.</summary>
    /// <exception cref="HostConfigurationException">The data directory is unusable.</exception>
    public static HostSettings AddMCPilotHost(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dataDirectory = HostDataDirectory.Prepare(configuration);
        if (string.IsNullOrWhiteSpace(configuration[HostSettings.StorageDataDirectoryKey]))
        {
            configuration[HostSettings.StorageDataDirectoryKey] = dataDirectory;
        }

        if (HostSettings.DefaultSqlitePath(configuration) is { } sqlite)
        {
            HostDataDirectory.ProtectSqliteDatabase(sqlite);
        }

        var mode = HostSettings.ReadMode(configuration);
        var generatedSecret = mode == HostMode.Playground ? PlaygroundSecret.EnsureConfigured(configuration, dataDirectory) : null;
        var settings = new HostSettings(dataDirectory, mode, generatedSecret);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddValidatedOptions<HostAppOptions>(HostAppOptions.SectionName);
        services.AddMCPilot().AddEfStore().AddEntityEndpoints();
        services.TryAddSingleton<EntityUrls>();
        services.TryAddSingleton<HostStatus>();
        services.AddHostStatusSource<DatabaseStatusSource>();
        services.AddHostStatusSource<EntityStatusSource>();
        return settings;
    }

    /// <summary>Adds a section to the host's status (once per type), after those added before.</summary>
    public static IServiceCollection AddHostStatusSource<T>(this IServiceCollection services)
        where T : class, IHostStatusSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostStatusSource, T>());
        return services;
    }
}
