using MCPilot.Storage;
using MCPilot.Storage.EfCore;
using MCPilot.Storage.EfCore.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MCPilot's durable EF Core stores.</summary>
public static class MCPilotBuilderEfStoreExtensions
{
    /// <summary>
    /// Keeps MCPilot's data in its own <see cref="MCPilotDbContext"/>: SQLite by default (the
    /// file <c>data/mcpilot.db</c>, WAL mode) or PostgreSQL, as <c>MCPilot:Storage</c> says.
    /// Pending migrations are applied when the host starts. Replaces any store added before,
    /// the vault's in-memory salt store included.
    /// </summary>
    public static IMCPilotBuilder AddEfStore(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDbContextPool<MCPilotDbContext>(ConfigureFromOptions);
        return AddStores<MCPilotDbContext>(builder, configuredByHost: false);
    }

    /// <summary>Adds the store with <see cref="MCPilotDbContext"/> and configures its options in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddEfStore(this IMCPilotBuilder builder, Action<StorageOptions> configure) =>
        builder.AddConfigured(static b => b.AddEfStore(), configure);

    /// <summary>Adds the store with <see cref="MCPilotDbContext"/> and binds its options from <paramref name="section"/> (applied after <c>MCPilot:Storage</c>).</summary>
    public static IMCPilotBuilder AddEfStore(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<StorageOptions>(static b => b.AddEfStore(), section);

    /// <summary>
    /// Keeps MCPilot's data in the bot's own <typeparamref name="TContext"/>, whose
    /// <c>OnModelCreating</c> calls <c>modelBuilder.ApplyMCPilotModel()</c>, so the bot keeps one
    /// database. If the bot registered the context already (<c>AddDbContext</c>, before this call),
    /// MCPilot uses that registration and its connection; otherwise MCPilot registers it,
    /// configured from <c>MCPilot:Storage</c>. MCPilot's tables are migrated by MCPilot, with its
    /// own history table, and stay out of the bot's migrations.
    /// </summary>
    public static IMCPilotBuilder AddEfStore<TContext>(this IMCPilotBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuredByHost = services.Any(d => d.ServiceType == typeof(DbContextOptions<TContext>))
            && !services.Any(d => d.ServiceType == typeof(EfStoreRegistration) && d.ImplementationInstance is EfStoreRegistration { ConfiguredByHost: false } r && r.ContextType == typeof(TContext));
        if (!configuredByHost)
        {
            services.AddDbContext<TContext>(ConfigureFromOptions, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }

        return AddStores<TContext>(builder, configuredByHost);
    }

    /// <summary>Adds the store with the bot's <typeparamref name="TContext"/> and configures its options in code.</summary>
    public static IMCPilotBuilder AddEfStore<TContext>(this IMCPilotBuilder builder, Action<StorageOptions> configure)
        where TContext : DbContext =>
        builder.AddConfigured(static b => b.AddEfStore<TContext>(), configure);

    /// <summary>Adds the store with the bot's <typeparamref name="TContext"/> and binds its options from <paramref name="section"/>.</summary>
    public static IMCPilotBuilder AddEfStore<TContext>(this IMCPilotBuilder builder, IConfigurationSection section)
        where TContext : DbContext =>
        builder.AddConfigured<StorageOptions>(static b => b.AddEfStore<TContext>(), section);

    /// <summary>
    /// Registers <see cref="EfStoreStartup"/> as the first hosted service (once), so that its
    /// <c>StartingAsync</c>, which migrates, runs before any other service's: the host calls them
    /// in registration order, and a service registered before <c>AddEfStore</c> must not meet an
    /// old schema either.
    /// </summary>
    private static void AddStartupFirst(IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EfStoreStartup)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, EfStoreStartup>());
        }
    }

    private static void ConfigureFromOptions(IServiceProvider services, DbContextOptionsBuilder options) =>
        StorageProviderConfiguration.Configure(options, services.GetRequiredService<IOptions<StorageOptions>>().Value);

    private static IMCPilotBuilder AddStores<TContext>(IMCPilotBuilder builder, bool configuredByHost)
        where TContext : DbContext
    {
        var services = builder.Services;
        services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName, bindConfiguration: false);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<StorageOptions>, StorageOptionsFromConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<EfStoreRegistration>();
        services.AddSingleton(new EfStoreRegistration(typeof(TContext), configuredByHost));
        services.Replace(ServiceDescriptor.Singleton<IStoreContextSource, StoreContextSource<TContext>>());
        services.TryAddSingleton(sp => new MCPilotDatabase(sp.GetRequiredService<IStoreContextSource>(), sp.GetService<ILogger<MCPilotDatabase>>()));
        AddStartupFirst(services);
        services.ReplaceStores<EfEntityStore, EfEntityCredentialStore, EfDmRouteStore, EfSentMessageStore, EfEntityAvatarStore,
            EfMcpServerStore, EfConversationStore, EfMessageCounterStore, EfToolCallAuditLog, EfOwnerSaltStore, EfEntityFeedStore>();
        return builder;
    }
}
