using System.Security.Cryptography;
using MCPilot.Crypto;
using MCPilot.Host.Composition;

namespace MCPilot.Host.Playground;

/// <summary>
/// The playground needs a vault secret before anyone has configured one: it generates one once,
/// keeps it in the data directory (owner-only permissions), and says so. A configured secret
/// always wins; real deployments set BOT_MASTER_SECRET.
/// </summary>
internal static class PlaygroundSecret
{
    public const string FileName = "vault-master.key";

    /// <summary>Adds the data directory's generated master secret to <paramref name="configuration"/> when none is configured.</summary>
    /// <returns>The path of the generated secret's file, or <see langword="null"/> when a secret was configured.</returns>
    public static string? EnsureConfigured(IConfiguration configuration, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuration["MCPilot:Vault:MasterSecret"])
            || !string.IsNullOrWhiteSpace(configuration[VaultOptions.MasterSecretEnvironmentVariable])
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(VaultOptions.MasterSecretEnvironmentVariable))
            || configuration.GetSection("MCPilot:Vault:Keys").GetChildren().Any())
        {
            return null;
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            try
            {
                using var writer = new StreamWriter(OwnerOnlyFile.Create(path, FileMode.CreateNew));
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(VaultOptions.MinimumSecretBytes)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (the CLI, or a second host) generated it first: use theirs.
            }
        }

        configuration["MCPilot:Vault:MasterSecret"] = File.ReadAllText(path).Trim();
        return path;
    }
}
