using System.Buffers.Text;
using System.Security.Cryptography;

namespace MCPilot.Crypto;

/// <summary>Decodes and judges master secrets. Its messages never contain the secret.</summary>
internal static class MasterSecretParser
{
    internal const string HowToGenerate =
        "Generate one with `openssl rand -base64 32` (or `python3 -c \"import secrets,base64;print(base64.b64encode(secrets.token_bytes(32)).decode())\"`) " +
        "and set it as MCPilot:Vault:MasterSecret or the BOT_MASTER_SECRET environment variable.";

    /// <summary>Random data of 32 bytes or more has far more distinct byte values than this.</summary>
    private const int MinimumDistinctBytes = 16;

    /// <summary>Decodes <paramref name="text"/>, or returns an error naming <paramref name="setting"/>.</summary>
    public static byte[]? TryDecode(string text, string setting, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        byte[]? bytes = null;
        if (trimmed.Length % 2 == 0 && trimmed.Length >= 2 * VaultOptions.MinimumSecretBytes && IsHex(trimmed))
        {
            bytes = Convert.FromHexString(trimmed);
        }
        else if (Base64.IsValid(trimmed))
        {
            bytes = Convert.FromBase64String(trimmed);
        }
        else if (Base64Url.IsValid(trimmed))
        {
            bytes = Base64Url.DecodeFromChars(trimmed);
        }

        if (bytes is null)
        {
            error = $"The vault master secret in {setting} is not base64 or hex. {HowToGenerate}";
            return null;
        }

        if (bytes.Length < VaultOptions.MinimumSecretBytes)
        {
            error = $"The vault master secret in {setting} has {bytes.Length * 8} bits; at least {VaultOptions.MinimumSecretBytes * 8} are required. {HowToGenerate}";
            CryptographicOperations.ZeroMemory(bytes);
            return null;
        }

        if (bytes.Distinct().Count() < MinimumDistinctBytes)
        {
            error = $"The vault master secret in {setting} is not random (too few distinct bytes); it is weaker than 256 bits. {HowToGenerate}";
            CryptographicOperations.ZeroMemory(bytes);
            return null;
        }

        return bytes;
    }

    private static bool IsHex(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
