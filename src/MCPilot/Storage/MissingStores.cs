using System.Globalization;
using MCPilot.Servers;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MCPilot.Storage;

/// <summary>
/// <c>AddMCPilot()</c> registers no store. Until a host adds one, resolving any store interface
/// fails with a message that says how to add one, instead of DI's generic "unable to resolve".
/// A store package replaces these registrations (<see cref="StoreServiceCollectionExtensions.ReplaceStores"/>).
/// </summary>
internal static class MissingStores
{
    public const string Message =
        "MCPilot has no store for {0}: add one to the builder that AddMCPilot() returns, " +
        ".AddEfStore() for the durable SQLite or PostgreSQL store (package MCPilot.Storage.EfCore), " +
        "or .AddInMemoryStores() for tests and throwaway playgrounds (nothing persists).";

    public static void Register(IServiceCollection services)
    {
        foreach (var type in StoreServiceCollectionExtensions.StoreTypes)
        {
            services.TryAdd(ServiceDescriptor.Singleton(type, _ => throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, Message, type.Name))));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVaultedFieldSource, IMcpServerStore>(sp => sp.GetRequiredService<IMcpServerStore>()));
    }
}
