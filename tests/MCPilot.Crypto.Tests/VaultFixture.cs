using System.Security.Cryptography;
using MCPilot.Vault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Crypto.Tests;

/// <summary>Builds vaults the way a host does: through AddVault and configuration.</summary>
internal static class VaultFixture
{
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static ServiceProvider Build(IDictionary<string, string?> settings, IOwnerSaltStore? salts = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (salts is not null)
        {
            services.AddSingleton(salts);
        }

        configure?.Invoke(services);
        new TestBuilder(services).AddVault();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ServiceProvider Build(string secret, IOwnerSaltStore? salts = null, int? cacheSize = null) =>
        Build(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = secret,
            ["MCPilot:Vault:DerivedKeyCacheSize"] = cacheSize?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, salts);

    public static ISecretVault Vault(this IServiceProvider provider) => provider.GetRequiredService<ISecretVault>();

    public static SecretBinding Binding(string owner = "discord:1", string record = "srv-1", string field = "headers.Authorization") =>
        new(new OwnerId(owner), record, field);

    private sealed class TestBuilder(IServiceCollection services) : IMCPilotBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
