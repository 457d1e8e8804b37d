using System.Security.Cryptography;
using MCPilot.Crypto;

namespace MCPilot.Host;

/// <summary>
/// The playground needs a vault secret before anyone has configured one: it generates one once,
/// keeps it in the data directory (owner-only permissions), and says so. A configured secret
/// always wins; real deployments set BOT_MASTER_SECRET.
/// </summary>
internal static class PlaygroundSecret
{
    public const string FileName = "vault-master.key";

    /// <summary>Adds a generated master secret to <paramref name="configuration"/> when none is configured.</summary>
    /// <returns>The path of the generated secret's file, or <see langword="null"/> when a secret was configured
    /// or a Discord token is (a real deployment must configure its own secret).</returns>
    public static string? EnsureConfigured(ConfigurationManager configuration, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuration["DISCORD_TOKEN"])
            || !string.IsNullOrWhiteSpace(configuration["MCPilot:Discord:Token"])
            || !string.IsNullOrWhiteSpace(configuration["MCPilot:Vault:MasterSecret"])
            || !string.IsNullOrWhiteSpace(configuration[VaultOptions.MasterSecretEnvironmentVariable])
            || configuration.GetSection("MCPilot:Vault:Keys").GetChildren().Any())
        {
            return null;
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(VaultOptions.MinimumSecretBytes)));
        }

        configuration["MCPilot:Vault:MasterSecret"] = File.ReadAllText(path).Trim();
        return path;
    }
}
