using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using MCPilot.Vault;

namespace MCPilot.Crypto;

/// <summary>
/// The envelope format. Binary layout, then base64url without padding:
/// <code>
/// [0]      format version (2; 1 is still read)
/// [1]      key id length n (1..32)
/// [2..]    key id, n ASCII bytes
/// next 8   salt id of the owner's salt (version 2 only; <see cref="OwnerKeyDerivation.SaltId"/>)
/// next 12  nonce (random per encryption)
/// next …   ciphertext (as long as the plaintext)
/// last 16  GCM tag
/// </code>
/// Everything before the nonce is the header. The associated data authenticates the header and
/// the binding (owner, record id, field), each length-prefixed, so an envelope moved to another
/// place or re-labelled fails to decrypt. Version 1 envelopes have no salt id: they still decrypt,
/// but one made before its owner was shredded and got a new salt reports an authentication
/// failure instead of <see cref="SecretVaultError.OwnerShredded"/>.
/// </summary>
internal static class VaultEnvelope
{
    public const byte Version1 = 1;
    public const byte Version2 = 2;
    public const byte CurrentVersion = Version2;
    public const int SaltIdSize = 8;
    public const int NonceSize = 12;
    public const int TagSize = VaultCipher.TagSize;
    private static readonly byte[] Domain = "MCPilot.Vault"u8.ToArray();

    /// <summary>The size of a current-version header: version, key id length, key id and salt id.</summary>
    public static int HeaderSize(string keyId) => 2 + keyId.Length + SaltIdSize;

    public static int Size(string keyId, int plaintextLength) => HeaderSize(keyId) + NonceSize + plaintextLength + TagSize;

    public static void WriteHeader(Span<byte> destination, string keyId, ulong saltId)
    {
        destination[0] = CurrentVersion;
        destination[1] = (byte)keyId.Length;
        Encoding.ASCII.GetBytes(keyId, destination[2..]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[(2 + keyId.Length)..], saltId);
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

        if (bytes.Length == 0)
        {
            throw new SecretVaultException(SecretVaultError.Malformed, "The vault envelope is empty.");
        }

        if (bytes.Length < 2)
        {
            throw Truncated(bytes.Length);
        }

        var version = bytes[0];
        if (version is not (Version1 or Version2))
        {
            throw new SecretVaultException(SecretVaultError.Malformed,
                $"The vault envelope has format version {version}; this version of MCPilot reads versions {Version1} and {Version2}.");
        }

        var idLength = bytes[1];
        if (idLength is 0 or > MasterKeyRing.MaxKeyIdLength)
        {
            throw new SecretVaultException(SecretVaultError.Malformed,
                $"The vault envelope is corrupt: its key id length is {idLength}, not 1 to {MasterKeyRing.MaxKeyIdLength}.");
        }

        var headerLength = 2 + idLength + (version == Version2 ? SaltIdSize : 0);
        if (bytes.Length < headerLength + NonceSize + TagSize)
        {
            throw Truncated(bytes.Length);
        }

        var keyIdBytes = bytes.AsSpan(2, idLength);
        foreach (var b in keyIdBytes)
        {
            if (b is < 0x21 or > 0x7e)
            {
                throw new SecretVaultException(SecretVaultError.Malformed, "The vault envelope's key id is not printable ASCII.");
            }
        }

        ulong? saltId = version == Version2 ? BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(2 + idLength)) : null;
        return new Parts(bytes, Encoding.ASCII.GetString(keyIdBytes), saltId, headerLength);
    }

    /// <summary>Builds the associated data for a header and a binding (validated by the caller).</summary>
    public static byte[] AssociatedData(ReadOnlySpan<byte> header, SecretBinding binding)
    {
        var owner = binding.Owner.Value;
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

    private static SecretVaultException Truncated(int length) =>
        new(SecretVaultError.Malformed,
            $"The vault envelope is truncated or corrupt: it has {length} byte(s), fewer than its header, nonce and tag need.");

    /// <summary>An envelope split into its parts; all views over <see cref="Bytes"/>.</summary>
    /// <param name="Bytes">The whole envelope.</param>
    /// <param name="KeyId">The id of the master key that made it.</param>
    /// <param name="SaltId">The id of the owner's salt it was made with; <see langword="null"/> in version 1.</param>
    /// <param name="HeaderLength">The length of the header, which the associated data authenticates.</param>
    internal readonly record struct Parts(byte[] Bytes, string KeyId, ulong? SaltId, int HeaderLength)
    {
        public byte Version => Bytes[0];

        public ReadOnlySpan<byte> Header => Bytes.AsSpan(0, HeaderLength);

        public ReadOnlySpan<byte> Nonce => Bytes.AsSpan(HeaderLength, NonceSize);

        public ReadOnlySpan<byte> Ciphertext => Bytes.AsSpan(HeaderLength + NonceSize, Bytes.Length - (HeaderLength + NonceSize + TagSize));

        public ReadOnlySpan<byte> Tag => Bytes.AsSpan(Bytes.Length - TagSize);
    }
}
