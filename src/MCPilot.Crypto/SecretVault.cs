using System.Security.Cryptography;
using MCPilot.Vault;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto;

/// <summary>
/// The vault: AES-256-GCM with a fresh random 96-bit nonce per encryption, under a per-owner key
/// derived by HKDF-SHA256 from the envelope's master key and the owner's salt.
/// </summary>
internal sealed class SecretVault : ISecretVault, IDisposable
{
    private readonly MasterKeyRing _ring;
    private readonly IOwnerSaltStore _salts;
    private readonly DerivedKeyCache _cache;

    public SecretVault(MasterKeyRing ring, IOwnerSaltStore salts, IOptions<VaultOptions> options, TimeProvider time)
    {
        _ring = ring;
        _salts = salts;
        _cache = new DerivedKeyCache(options.Value.DerivedKeyCacheSize, options.Value.DerivedKeyLifetime, time);
    }

    public string ActiveKeyId => _ring.ActiveKeyId;

    internal int CachedKeyCount => _cache.Count;

    public async ValueTask<string> EncryptAsync(SecretBinding binding, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default)
    {
        var keyId = _ring.ActiveKeyId;
        var key = GC.AllocateArray<byte>(OwnerKeyDerivation.KeySize, pinned: true);
        try
        {
            await GetOwnerKeyAsync(keyId, binding.Owner, key, create: true, cancellationToken).ConfigureAwait(false);
            return Seal(key, keyId, binding, plaintext.Span);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public async ValueTask<byte[]> DecryptAsync(SecretBinding binding, string envelope, CancellationToken cancellationToken = default)
    {
        var parts = VaultEnvelope.Parse(envelope);
        var key = GC.AllocateArray<byte>(OwnerKeyDerivation.KeySize, pinned: true);
        try
        {
            await GetOwnerKeyAsync(parts.KeyId, binding.Owner, key, create: false, cancellationToken).ConfigureAwait(false);
            return Open(key, parts, binding);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public bool NeedsRewrap(string envelope) => VaultEnvelope.Parse(envelope).KeyId != _ring.ActiveKeyId;

    public async ValueTask<string> RewrapAsync(SecretBinding binding, string envelope, CancellationToken cancellationToken = default)
    {
        if (!NeedsRewrap(envelope))
        {
            return envelope;
        }

        return await TransferAsync(binding, binding, envelope, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<string> TransferAsync(SecretBinding from, SecretBinding to, string envelope, CancellationToken cancellationToken = default)
    {
        var plaintext = await DecryptAsync(from, envelope, cancellationToken).ConfigureAwait(false);
        try
        {
            return await EncryptAsync(to, plaintext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public async ValueTask<bool> ShredOwnerAsync(OwnerId owner, CancellationToken cancellationToken = default)
    {
        var deleted = await _salts.DeleteAsync(owner, cancellationToken).ConfigureAwait(false);
        _cache.RemoveOwner(owner);
        return deleted;
    }

    public void Dispose() => _cache.Dispose();

    private static string Seal(ReadOnlySpan<byte> key, string keyId, SecretBinding binding, ReadOnlySpan<byte> plaintext)
    {
        var envelope = new byte[VaultEnvelope.Size(keyId, plaintext.Length)];
        var headerSize = VaultEnvelope.HeaderSize(keyId);
        VaultEnvelope.WriteHeader(envelope, keyId);
        var nonce = envelope.AsSpan(headerSize, VaultEnvelope.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = envelope.AsSpan(headerSize + VaultEnvelope.NonceSize, plaintext.Length);
        var tag = envelope.AsSpan(envelope.Length - VaultCipher.TagSize);
        var aad = VaultEnvelope.AssociatedData(envelope.AsSpan(0, headerSize), binding);
        VaultCipher.Encrypt(key, nonce, plaintext, aad, ciphertext, tag);
        return VaultEnvelope.Encode(envelope);
    }

    private static byte[] Open(ReadOnlySpan<byte> key, VaultEnvelope.Parts parts, SecretBinding binding)
    {
        var aad = VaultEnvelope.AssociatedData(parts.Header, binding);
        var plaintext = new byte[parts.Ciphertext.Length];
        if (VaultCipher.TryDecrypt(key, parts.Nonce, parts.Ciphertext, parts.Tag, aad, plaintext))
        {
            return plaintext;
        }

        throw new SecretVaultException(SecretVaultError.AuthenticationFailed,
            $"The vault envelope for record '{binding.RecordId}', field '{binding.Field}' failed authentication: it was altered, or it belongs to another owner, record or field.");
    }

    private async ValueTask GetOwnerKeyAsync(string keyId, OwnerId owner, byte[] destination, bool create, CancellationToken cancellationToken)
    {
        if (_cache.TryCopy(keyId, owner, destination))
        {
            return;
        }

        var master = _ring.Find(keyId)
            ?? throw new SecretVaultException(SecretVaultError.UnknownKey,
                $"The vault envelope was made with master key '{keyId}', which is not in the key ring. Add it back under MCPilot:Vault:Keys:{keyId}.");
        byte[]? salt;
        if (create)
        {
            var candidate = new byte[OwnerKeyDerivation.SaltSize];
            RandomNumberGenerator.Fill(candidate);
            salt = await _salts.GetOrAddAsync(owner, candidate, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            salt = await _salts.GetAsync(owner, cancellationToken).ConfigureAwait(false)
                ?? throw new SecretVaultException(SecretVaultError.OwnerShredded,
                    $"Owner '{owner}' has no vault key material: their secrets were shredded (or never existed), and cannot be decrypted.");
        }

        OwnerKeyDerivation.Derive(master, salt, owner, destination);
        _cache.Add(keyId, owner, destination);
    }
}
