using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MCPilot.Crypto;

/// <summary>
/// API keys with a recognisable prefix: <c>{kind}_{lookupId}_{secret}</c>, e.g.
/// <c>mcpk_7hq2m4kz9x3d_…</c>. The secret is 256 random bits; the lookup id (60 random bits,
/// base32) finds the stored record; only a SHA-256 hash is stored, and verification compares in
/// constant time. Secret scanners can match the prefix.
/// </summary>
public static class ApiKeys
{
    /// <summary>The default kind prefix, for entity keys.</summary>
    public const string DefaultKind = "mcpk";

    /// <summary>The length of a lookup id.</summary>
    public const int LookupIdLength = 12;

    private const int SecretBytes = 32;
    private const string Base32 = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Generates a new key.</summary>
    /// <param name="kind">2 to 8 lowercase ASCII letters that say what the key opens.</param>
    public static GeneratedApiKey Generate(string kind = DefaultKind)
    {
        if (kind.Length is < 2 or > 8 || !kind.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException("A key kind is 2 to 8 lowercase ASCII letters.", nameof(kind));
        }

        Span<char> lookup = stackalloc char[LookupIdLength];
        for (var i = 0; i < lookup.Length; i++)
        {
            lookup[i] = Base32[RandomNumberGenerator.GetInt32(Base32.Length)];
        }

        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var lookupId = new string(lookup);
        var key = $"{kind}_{lookupId}_{Base64Url.EncodeToString(secret)}";
        CryptographicOperations.ZeroMemory(secret);
        return new GeneratedApiKey(key, lookupId, Hash(key));
    }

    /// <summary>Reads the lookup id out of a presented key, without judging the secret.</summary>
    /// <returns><see langword="false"/> when the value does not have an API key's shape.</returns>
    public static bool TryGetLookupId(string? presented, out string lookupId)
    {
        lookupId = string.Empty;
        if (presented is null || presented.Length > 128)
        {
            return false;
        }

        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0].Length is < 2 or > 8 || parts[1].Length != LookupIdLength
            || !parts[0].All(char.IsAsciiLetterLower) || !parts[1].All(c => Base32.Contains(c, StringComparison.Ordinal))
            || parts[2].Length != 43 || !Base64Url.IsValid(parts[2]))
        {
            return false;
        }

        lookupId = parts[1];
        return true;
    }

    /// <summary>The stored form of a key: SHA-256 of its UTF-8 bytes.</summary>
    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Checks a presented key against a stored hash, in constant time.</summary>
    public static bool Verify(string? presented, ReadOnlySpan<byte> storedHash)
    {
        if (presented is null)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var byteCount = Encoding.UTF8.GetByteCount(presented);
        var buffer = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(presented, buffer);
        SHA256.HashData(buffer, hash);
        return CryptographicOperations.FixedTimeEquals(hash, storedHash);
    }
}
