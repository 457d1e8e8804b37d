using System.Globalization;
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

    /// <summary>
    /// A vault with one master secret. <paramref name="warmCache"/> keeps the production default
    /// cache (the setting is left out, so the default applies); <see langword="false"/> sets the
    /// cache size to 0, so every call derives its key.
    /// </summary>
    public static ServiceProvider Build(string secret, bool warmCache = true, IOwnerSaltStore? salts = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = secret };
        if (!warmCache)
        {
            settings["MCPilot:Vault:DerivedKeyCacheSize"] = 0.ToString(CultureInfo.InvariantCulture);
        }

        return Build(settings, salts, time is null ? null : services => services.AddSingleton(time));
    }

    public static ISecretVault Vault(this IServiceProvider provider) => provider.GetRequiredService<ISecretVault>();

    public static SecretBinding Binding(string owner = "discord:1", string record = "srv-1", string field = "headers.Authorization") =>
        new(new OwnerId(owner), record, field);

    private sealed class TestBuilder(IServiceCollection services) : IMCPilotBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
