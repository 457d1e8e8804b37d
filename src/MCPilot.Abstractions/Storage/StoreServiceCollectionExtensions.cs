using MCPilot.Activity;
using MCPilot.Conversations;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Servers;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MCPilot.Storage;

/// <summary>How a store package registers its stores: all of them at once, replacing any set registered before.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// The store interfaces a store package provides, besides the two with an in-memory default
    /// (the vault's <see cref="IOwnerSaltStore"/> and the entity registry's <see cref="IEntityAvatarStore"/>).
    /// </summary>
    public static IReadOnlyList<Type> StoreTypes { get; } =
    [
        typeof(IEntityStore), typeof(IEntityCredentialStore), typeof(IDmRouteStore), typeof(ISentMessageStore),
        typeof(IMcpServerStore), typeof(IConversationStore), typeof(IMessageCounterStore), typeof(IToolCallAuditLog), typeof(IEntityFeedStore),
    ];

    /// <summary>
    /// Registers each implementation as the singleton behind its store interface, replacing any
    /// store registered before (the last store package added wins), and the server store as the
    /// vault's <see cref="IVaultedFieldSource"/>.
    /// </summary>
    public static IServiceCollection ReplaceStores<TEntities, TCredentials, TDmRoutes, TSentMessages, TAvatars, TServers, TConversations, TCounters, TAudit, TSalts, TFeeds>(this IServiceCollection services)
        where TEntities : class, IEntityStore
        where TCredentials : class, IEntityCredentialStore
        where TDmRoutes : class, IDmRouteStore
        where TSentMessages : class, ISentMessageStore
        where TAvatars : class, IEntityAvatarStore
        where TServers : class, IMcpServerStore
        where TConversations : class, IConversationStore
        where TCounters : class, IMessageCounterStore
        where TAudit : class, IToolCallAuditLog
        where TSalts : class, IOwnerSaltStore
        where TFeeds : class, IEntityFeedStore
    {
        ArgumentNullException.ThrowIfNull(services);
        Use<IEntityStore, TEntities>(services);
        Use<IEntityCredentialStore, TCredentials>(services);
        Use<IDmRouteStore, TDmRoutes>(services);
        Use<ISentMessageStore, TSentMessages>(services);
        Use<IEntityAvatarStore, TAvatars>(services);
        Use<IMcpServerStore, TServers>(services);
        Use<IConversationStore, TConversations>(services);
        Use<IMessageCounterStore, TCounters>(services);
        Use<IToolCallAuditLog, TAudit>(services);
        Use<IOwnerSaltStore, TSalts>(services);
        Use<IEntityFeedStore, TFeeds>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVaultedFieldSource, IMcpServerStore>(sp => sp.GetRequiredService<IMcpServerStore>()));
        return services;
    }

    private static void Use<TStore, TImplementation>(IServiceCollection services)
        where TStore : class
        where TImplementation : class, TStore
    {
        services.TryAddSingleton<TImplementation>();
        services.Replace(ServiceDescriptor.Singleton<TStore>(sp => sp.GetRequiredService<TImplementation>()));
    }
}
