using MCPilot.Activity;
using MCPilot.Conversations;
using MCPilot.Crypto;
using MCPilot.Entities;
using MCPilot.Servers;
using MCPilot.Storage.InMemory;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MCPilot's in-memory stores.</summary>
public static class MCPilotBuilderInMemoryStoreExtensions
{
    /// <summary>
    /// Keeps everything in memory, for tests and throwaway playgrounds: nothing persists, and
    /// every secret is lost when the process ends. Replaces any store added before; for a
    /// durable store use <c>AddEfStore()</c> (package MCPilot.Storage.EfCore) instead.
    /// </summary>
    public static IMCPilotBuilder AddInMemoryStores(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<InMemoryEntityStore>();
        services.TryAddSingleton<InMemoryEntityCredentialStore>();
        services.TryAddSingleton<InMemoryDmRouteStore>();
        services.TryAddSingleton<InMemorySentMessageStore>();
        services.TryAddSingleton<InMemoryMcpServerStore>();
        services.TryAddSingleton<InMemoryConversationStore>();
        services.TryAddSingleton<InMemoryMessageCounterStore>();
        services.TryAddSingleton<InMemoryToolCallAuditLog>();
        services.TryAddSingleton<InMemoryOwnerSaltStore>();
        Use<IEntityStore, InMemoryEntityStore>(services);
        Use<IEntityCredentialStore, InMemoryEntityCredentialStore>(services);
        Use<IDmRouteStore, InMemoryDmRouteStore>(services);
        Use<ISentMessageStore, InMemorySentMessageStore>(services);
        Use<IMcpServerStore, InMemoryMcpServerStore>(services);
        Use<IConversationStore, InMemoryConversationStore>(services);
        Use<IMessageCounterStore, InMemoryMessageCounterStore>(services);
        Use<IToolCallAuditLog, InMemoryToolCallAuditLog>(services);
        Use<IOwnerSaltStore, InMemoryOwnerSaltStore>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVaultedFieldSource, IMcpServerStore>(sp => sp.GetRequiredService<IMcpServerStore>()));
        return builder;
    }

    private static void Use<TStore, TImplementation>(IServiceCollection services)
        where TStore : class
        where TImplementation : class, TStore =>
        services.Replace(ServiceDescriptor.Singleton<TStore>(sp => sp.GetRequiredService<TImplementation>()));
}
