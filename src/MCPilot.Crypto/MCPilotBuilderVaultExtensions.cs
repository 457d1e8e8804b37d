using MCPilot.Crypto;
using MCPilot.Vault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MCPilot's secret vault.</summary>
public static class MCPilotBuilderVaultExtensions
{
    /// <summary>
    /// Adds the vault, configured from <c>MCPilot:Vault</c> and the <c>BOT_MASTER_SECRET</c>
    /// environment variable. Its options are validated at start: a missing or weak master secret
    /// stops the host with a message that says how to generate one.
    /// </summary>
    public static IMCPilotBuilder AddVault(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<VaultOptions>(VaultOptions.SectionName, bindConfiguration: false);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<VaultOptions>, VaultOptionsFromConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VaultOptions>, VaultOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOwnerSaltStore, InMemoryOwnerSaltStore>();
        services.TryAddSingleton<MasterKeyRing>();
        services.TryAddSingleton<ISecretVault, SecretVault>();
        services.TryAddSingleton<VaultKeyRotation>();
        return builder;
    }

    /// <summary>Adds the vault and configures its options in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddVault(this IMCPilotBuilder builder, Action<VaultOptions> configure) =>
        builder.AddConfigured(static b => b.AddVault(), configure);

    /// <summary>Adds the vault and binds its options from <paramref name="section"/> (applied after <c>MCPilot:Vault</c>).</summary>
    public static IMCPilotBuilder AddVault(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<VaultOptions>(static b => b.AddVault(), section);
}
