using System.Buffers.Text;
using System.Security.Cryptography;

namespace MCPilot.Crypto;

/// <summary>
/// Decodes and judges master secrets. Its messages never contain the secret.
/// </summary>
/// <remarks>
/// The encoding is decided from the (trimmed) text alone, deterministically: a value made only of
/// hex digits (<c>0-9 a-f A-F</c>) is hex, whatever its length; anything else is base64, standard
/// (padded, as <c>openssl rand -base64 32</c> prints it: 44 characters ending in <c>=</c>, never
/// all hex digits) or URL-safe (padding optional). Either way it must decode to at least 32 bytes
/// (256 bits). A base64 value that happens to be all hex digits is read as hex; it is then judged
/// by its hex length, so a weak value is never accepted.
/// </remarks>
internal static class MasterSecretParser
{
    internal const string HowToGenerate =
        "Generate one with `openssl rand -base64 32` or `openssl rand -hex 32` (or `python3 -c \"import secrets;print(secrets.token_hex(32))\"`) " +
        "and set it as MCPilot:Vault:MasterSecret or the BOT_MASTER_SECRET environment variable.";

    /// <summary>Random data of 32 bytes or more has far more distinct byte values than this.</summary>
    private const int MinimumDistinctBytes = 16;

    /// <summary>Decodes <paramref name="text"/>, or returns an error naming <paramref name="setting"/>.</summary>
    public static byte[]? TryDecode(string text, string setting, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        byte[]? bytes = null;
        string encoding;
        if (trimmed.Length > 0 && IsHex(trimmed))
        {
            encoding = "hex";
            if (trimmed.Length % 2 != 0)
            {
                error = $"The vault master secret in {setting} is made only of hex digits, so it is read as hex, but it has an odd number of them ({trimmed.Length}); " +
                    $"part of it is missing. {HowToGenerate}";
                return null;
            }

            bytes = Convert.FromHexString(trimmed);
        }
        else
        {
            encoding = "base64";
            if (Base64.IsValid(trimmed))
            {
                bytes = Convert.FromBase64String(trimmed);
            }
            else if (Base64Url.IsValid(trimmed))
            {
                bytes = Base64Url.DecodeFromChars(trimmed);
            }
        }

        if (bytes is null)
        {
            error = $"The vault master secret in {setting} is not base64 or hex. {HowToGenerate}";
            return null;
        }

        if (bytes.Length < VaultOptions.MinimumSecretBytes)
        {
            error = $"The vault master secret in {setting} is {encoding} of {bytes.Length * 8} bits; at least {VaultOptions.MinimumSecretBytes * 8} are required. {HowToGenerate}";
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
