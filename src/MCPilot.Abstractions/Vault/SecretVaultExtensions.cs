using System.Text;

namespace MCPilot.Vault;

/// <summary>String helpers over <see cref="ISecretVault"/>.</summary>
public static class SecretVaultExtensions
{
    /// <summary>Encrypts a UTF-8 string.</summary>
    public static ValueTask<string> EncryptStringAsync(this ISecretVault vault, SecretBinding binding, string plaintext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(plaintext);
        return vault.EncryptAsync(binding, Encoding.UTF8.GetBytes(plaintext), cancellationToken);
    }

    /// <summary>Decrypts an envelope made by <see cref="EncryptStringAsync"/>.</summary>
    public static async ValueTask<string> DecryptStringAsync(this ISecretVault vault, SecretBinding binding, string envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var bytes = await vault.DecryptAsync(binding, envelope, cancellationToken).ConfigureAwait(false);
        try
        {
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            Array.Clear(bytes);
        }
    }
}
