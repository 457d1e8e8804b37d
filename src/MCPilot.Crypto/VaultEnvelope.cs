using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using MCPilot.Vault;

namespace MCPilot.Crypto;

/// <summary>
/// The envelope format, version 1. Binary layout, then base64url without padding:
/// <code>
/// [0]      format version (1)
/// [1]      key id length n (1..32)
/// [2..]    key id, n ASCII bytes
/// next 12  nonce (random per encryption)
/// next …   ciphertext (as long as the plaintext)
/// last 16  GCM tag
/// </code>
/// The associated data authenticates the header and the binding (owner, record id, field), each
/// length-prefixed, so an envelope moved to another place or re-labelled fails to decrypt.
/// </summary>
internal static class VaultEnvelope
{
    public const byte Version1 = 1;
    public const int NonceSize = 12;
    public const int TagSize = VaultCipher.TagSize;
    private static readonly byte[] Domain = "MCPilot.Vault"u8.ToArray();

    /// <summary>The size of the header: version, key id length and key id.</summary>
    public static int HeaderSize(string keyId) => 2 + keyId.Length;

    public static int Size(string keyId, int plaintextLength) => HeaderSize(keyId) + NonceSize + plaintextLength + TagSize;

    public static void WriteHeader(Span<byte> destination, string keyId)
    {
        destination[0] = Version1;
        destination[1] = (byte)keyId.Length;
        Encoding.ASCII.GetBytes(keyId, destination[2..]);
    }

    /// <summary>Decodes the envelope string and splits it; throws <see cref="SecretVaultException"/> when malformed.</summary>
    public static Parts Parse(string envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(envelope);
        }
        catch (FormatException e)
        {
            throw new SecretVaultException(SecretVaultError.Malformed, "The value is not a vault envelope (not base64url).", e);
        }

        if (bytes.Length < 2 || bytes[0] != Version1)
        {
            throw new SecretVaultException(SecretVaultError.Malformed, bytes.Length == 0
                ? "The vault envelope is empty."
                : $"The vault envelope has format version {bytes[0]}; this version of MCPilot reads version {Version1}.");
        }

        var idLength = bytes[1];
        if (idLength is 0 or > MasterKeyRing.MaxKeyIdLength || bytes.Length < 2 + idLength + NonceSize + TagSize)
        {
            throw new SecretVaultException(SecretVaultError.Malformed, "The vault envelope is truncated or its key id length is invalid.");
        }

        var keyIdBytes = bytes.AsSpan(2, idLength);
        foreach (var b in keyIdBytes)
        {
            if (b is < 0x21 or > 0x7e)
            {
                throw new SecretVaultException(SecretVaultError.Malformed, "The vault envelope's key id is not printable ASCII.");
            }
        }

        return new Parts(bytes, Encoding.ASCII.GetString(keyIdBytes));
    }

    /// <summary>Builds the associated data for a header and a binding.</summary>
    public static byte[] AssociatedData(ReadOnlySpan<byte> header, SecretBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding.RecordId);
        ArgumentNullException.ThrowIfNull(binding.Field);
        var owner = binding.Owner.Value ?? throw new ArgumentException("The binding has no owner.", nameof(binding));
        var size = Domain.Length + header.Length + 12 +
            Encoding.UTF8.GetByteCount(owner) + Encoding.UTF8.GetByteCount(binding.RecordId) + Encoding.UTF8.GetByteCount(binding.Field);
        var aad = new byte[size];
        var span = aad.AsSpan();
        Domain.CopyTo(span);
        span = span[Domain.Length..];
        header.CopyTo(span);
        span = span[header.Length..];
        foreach (var part in (ReadOnlySpan<string>)[owner, binding.RecordId, binding.Field])
        {
            var written = Encoding.UTF8.GetBytes(part, span[4..]);
            BinaryPrimitives.WriteInt32BigEndian(span, written);
            span = span[(4 + written)..];
        }

        return aad;
    }

    public static string Encode(ReadOnlySpan<byte> envelope) => Base64Url.EncodeToString(envelope);

    /// <summary>An envelope split into its parts; all views over <see cref="Bytes"/>.</summary>
    internal readonly record struct Parts(byte[] Bytes, string KeyId)
    {
        public ReadOnlySpan<byte> Header => Bytes.AsSpan(0, 2 + KeyId.Length);

        public ReadOnlySpan<byte> Nonce => Bytes.AsSpan(2 + KeyId.Length, NonceSize);

        public ReadOnlySpan<byte> Ciphertext => Bytes.AsSpan(2 + KeyId.Length + NonceSize, Bytes.Length - (2 + KeyId.Length + NonceSize + TagSize));

        public ReadOnlySpan<byte> Tag => Bytes.AsSpan(Bytes.Length - TagSize);
    }
}
