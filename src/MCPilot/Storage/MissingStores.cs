using MCPilot.Activity;
using MCPilot.Conversations;
using MCPilot.Entities;
using MCPilot.Servers;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MCPilot.Storage;

/// <summary>
/// <c>AddMCPilot()</c> registers no store. Until a host adds one, resolving any store interface
/// fails with a message that says how to add one, instead of DI's generic "unable to resolve".
/// A store package replaces these registrations.
/// </summary>
internal static class MissingStores
{
    public const string Message =
        "MCPilot has no store for {0}: add one to the builder that AddMCPilot() returns, " +
        ".AddEfStore() for the durable SQLite or PostgreSQL store (package MCPilot.Storage.EfCore), " +
        "or .AddInMemoryStores() for tests and throwaway playgrounds (nothing persists).";

    public static void Register(IServiceCollection services)
    {
        Add<IEntityStore>(services);
        Add<IEntityCredentialStore>(services);
        Add<IDmRouteStore>(services);
        Add<ISentMessageStore>(services);
        Add<IMcpServerStore>(services);
        Add<IConversationStore>(services);
        Add<IMessageCounterStore>(services);
        Add<IToolCallAuditLog>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVaultedFieldSource, IMcpServerStore>(sp => sp.GetRequiredService<IMcpServerStore>()));
    }

    private static void Add<TStore>(IServiceCollection services)
        where TStore : class =>
        services.TryAddSingleton<TStore>(_ => throw new InvalidOperationException(string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, typeof(TStore).Name)));
}
