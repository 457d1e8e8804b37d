using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MCPilot.Crypto;

/// <summary>
/// HKDF-SHA256 of an owner's key from a master key and the owner's salt, and the salt id that
/// names a salt without revealing it.
/// </summary>
internal static class OwnerKeyDerivation
{
    public const int KeySize = 32;

    /// <summary>The size of the salts the vault creates.</summary>
    public const int SaltSize = 32;

    /// <summary>The smallest salt the vault accepts, from its own store or any other.</summary>
    public const int MinimumSaltSize = 16;

    private static readonly byte[] InfoPrefix = "MCPilot.Vault.v1 owner-key\0"u8.ToArray();
    private static readonly byte[] SaltIdKey = "MCPilot.Vault salt-id"u8.ToArray();

    /// <summary>
    /// Derives the owner's key into <paramref name="destination"/>: HKDF-SHA256 with the master key
    /// as input key material, the owner's salt as salt and <c>"MCPilot.Vault.v1 owner-key\0" + owner</c>
    /// (UTF-8) as info. The info carries the owner id, so swapping two owners' salts still yields
    /// neither owner's key.
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> salt, OwnerId owner, Span<byte> destination)
    {
        Span<byte> info = stackalloc byte[InfoPrefix.Length + Encoding.UTF8.GetByteCount(owner.Value)];
        InfoPrefix.CopyTo(info);
        Encoding.UTF8.GetBytes(owner.Value, info[InfoPrefix.Length..]);
        Hkdf(masterKey, salt, info, destination[..KeySize]);
    }

    /// <summary>
    /// The id of a salt: the first 8 bytes (big-endian) of HMAC-SHA256 keyed with
    /// <c>"MCPilot.Vault salt-id"</c> over the salt. Envelopes carry it, so a decrypt can tell an
    /// envelope made before its owner was shredded from a tampered one, and the key cache can never
    /// serve a key derived from a salt that is no longer the owner's. It reveals nothing of the salt.
    /// </summary>
    public static ulong SaltId(ReadOnlySpan<byte> salt)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(SaltIdKey, salt, mac);
        return BinaryPrimitives.ReadUInt64BigEndian(mac);
    }

    /// <summary>HKDF-SHA256 (RFC 5869), extract and expand, filling <paramref name="destination"/>.</summary>
    public static void Hkdf(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> destination) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, destination, salt, info);
}
