using System.Security.Cryptography;
using System.Text;

namespace MCPilot.Crypto;

/// <summary>HKDF-SHA256 of an owner's key from a master key and the owner's salt.</summary>
internal static class OwnerKeyDerivation
{
    public const int KeySize = 32;
    public const int SaltSize = 32;
    private static readonly byte[] InfoPrefix = "MCPilot.Vault.v1 owner-key\0"u8.ToArray();

    /// <summary>
    /// Derives the owner's key into <paramref name="destination"/>. The info string carries the
    /// owner id, so swapping two owners' salts still yields neither owner's key.
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> salt, OwnerId owner, Span<byte> destination)
    {
        Span<byte> info = stackalloc byte[InfoPrefix.Length + Encoding.UTF8.GetByteCount(owner.Value)];
        InfoPrefix.CopyTo(info);
        Encoding.UTF8.GetBytes(owner.Value, info[InfoPrefix.Length..]);
        Hkdf(masterKey, salt, info, destination[..KeySize]);
    }

    /// <summary>HKDF-SHA256 (RFC 5869), extract and expand, filling <paramref name="destination"/>.</summary>
    public static void Hkdf(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> destination) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, destination, salt, info);
}
