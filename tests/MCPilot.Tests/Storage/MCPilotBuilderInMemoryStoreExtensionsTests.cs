using MCPilot.Crypto;
using MCPilot.Entities;
using MCPilot.Servers;
using MCPilot.Storage;
using MCPilot.Storage.InMemory;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Tests.Storage;

public sealed class MCPilotBuilderInMemoryStoreExtensionsTests
{
    public static TheoryData<Type> StoreTypes => [.. StoreServiceCollectionExtensions.StoreTypes];

    [Theory]
    [MemberData(nameof(StoreTypes))]
    public void AddMCPilot_NoStoreAdded_ResolvingAStoreFailsNamingBothWaysToAddOne(Type storeType)
    {
        var services = new ServiceCollection();
        services.AddMCPilot();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService(storeType));

        Assert.Contains(storeType.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains(".AddEfStore()", error.Message, StringComparison.Ordinal);
        Assert.Contains(".AddInMemoryStores()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInMemoryStores_CalledTwice_RegistersEachStoreOnceSharingTheEntityStore()
    {
        var services = new ServiceCollection();
        services.AddMCPilot().AddInMemoryStores().AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IEntityStore));
        Assert.Same(provider.GetRequiredService<InMemoryEntityStore>(), provider.GetRequiredService<IEntityStore>());
        Assert.IsType<InMemoryOwnerSaltStore>(provider.GetRequiredService<IOwnerSaltStore>());
        Assert.Same(provider.GetRequiredService<IMcpServerStore>(), Assert.Single(provider.GetServices<IVaultedFieldSource>()));
        foreach (var type in StoreTypes)
        {
            Assert.NotNull(provider.GetRequiredService(type.Data));
        }
    }
}
