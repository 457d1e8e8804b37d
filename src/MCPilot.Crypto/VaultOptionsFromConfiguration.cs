using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto;

/// <summary>
/// Binds <see cref="VaultOptions"/> from the host's configuration (<c>MCPilot:Vault</c>), falling
/// back to <c>BOT_MASTER_SECRET</c> (configuration key or environment variable) for the master secret.
/// </summary>
internal sealed class VaultOptionsFromConfiguration(IConfiguration? configuration = null) : IConfigureOptions<VaultOptions>
{
    public void Configure(VaultOptions options)
    {
        if (configuration is not null)
        {
            configuration.GetSection(VaultOptions.SectionName).Bind(options);
        }

        if (string.IsNullOrWhiteSpace(options.MasterSecret))
        {
            options.MasterSecret = configuration?[VaultOptions.MasterSecretEnvironmentVariable]
                ?? Environment.GetEnvironmentVariable(VaultOptions.MasterSecretEnvironmentVariable);
        }
    }
}
