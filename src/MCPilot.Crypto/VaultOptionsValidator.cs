using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto;

/// <summary>Cross-field validation of <see cref="VaultOptions"/>: every message names the setting and the fix.</summary>
internal sealed class VaultOptionsValidator : IValidateOptions<VaultOptions>
{
    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.MasterSecret) && options.Keys.Count == 0)
        {
            failures.Add($"No vault master secret is configured (MCPilot:Vault:MasterSecret or the {VaultOptions.MasterSecretEnvironmentVariable} environment variable). {MasterSecretParser.HowToGenerate}");
            return ValidateOptionsResult.Fail(failures);
        }

        if (!string.IsNullOrWhiteSpace(options.MasterSecret))
        {
            Check(options.MasterSecret, $"MCPilot:Vault:MasterSecret (or the {VaultOptions.MasterSecretEnvironmentVariable} environment variable)", failures);
            if (options.Keys.ContainsKey(VaultOptions.PrimaryKeyId))
            {
                failures.Add($"MCPilot:Vault:Keys:{VaultOptions.PrimaryKeyId} clashes with MCPilot:Vault:MasterSecret, whose key id is '{VaultOptions.PrimaryKeyId}'. Give the key another id.");
            }
        }

        foreach (var (id, secret) in options.Keys)
        {
            if (!MasterKeyRing.IsValidKeyId(id))
            {
                failures.Add($"MCPilot:Vault:Keys has a key id '{Sanitize(id)}' that is not 1 to {MasterKeyRing.MaxKeyIdLength} characters of a-z, 0-9, '-', '_' or '.'.");
            }

            Check(secret, $"MCPilot:Vault:Keys:{Sanitize(id)}", failures);
        }

        var active = options.ActiveKeyId;
        if (active is null)
        {
            if (options.Keys.Count > 0)
            {
                failures.Add("MCPilot:Vault:ActiveKeyId is required when MCPilot:Vault:Keys holds keys: set it to the id of the key new secrets are encrypted with.");
            }
        }
        else if (!(active == VaultOptions.PrimaryKeyId && !string.IsNullOrWhiteSpace(options.MasterSecret)) && !options.Keys.ContainsKey(active))
        {
            failures.Add($"MCPilot:Vault:ActiveKeyId is '{Sanitize(active)}', but the key ring has no key with that id. Add it under MCPilot:Vault:Keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string secret, string setting, List<string> failures)
    {
        var bytes = MasterSecretParser.TryDecode(secret, setting, out var error);
        if (bytes is null)
        {
            failures.Add(error!);
        }
        else
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static string Sanitize(string id) => id.Length > 40 ? id[..40] + "…" : id;
}
