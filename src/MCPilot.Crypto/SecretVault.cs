using System.Security.Cryptography;
using MCPilot.Vault;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto;

/// <summary>
/// The vault: AES-256-GCM with a fresh random 96-bit nonce per encryption, under a per-owner key
/// derived by HKDF-SHA256 from the envelope's master key and the owner's salt.
/// </summary>
/// <remarks>
/// Shredding deletes the salt from the shared store, so the store is the truth about an owner's
/// salt. Encryption reads it every time: a new envelope is never made with a key whose salt was
/// shredded (here or on another host), which would make it unreadable. Envelopes name their salt
/// by its id, and cached keys are named by master key, owner and salt id, so a decrypt served from
/// the cache skips the store but can only use a key of the salt the envelope was made with; a shred
/// on this host drops those keys at once, and one on another host within
/// <see cref="VaultOptions.DerivedKeyLifetime"/>.
/// </remarks>
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
        CheckBinding(binding, nameof(binding));
        var keyId = _ring.ActiveKeyId;
        var key = GC.AllocateArray<byte>(OwnerKeyDerivation.KeySize, pinned: true);
        try
        {
            var saltId = await GetEncryptionKeyAsync(keyId, binding.Owner, key, cancellationToken).ConfigureAwait(false);
            return Seal(key, keyId, saltId, binding, plaintext.Span);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public async ValueTask<byte[]> DecryptAsync(SecretBinding binding, string envelope, CancellationToken cancellationToken = default)
    {
        CheckBinding(binding, nameof(binding));
        var parts = VaultEnvelope.Parse(envelope);
        var key = GC.AllocateArray<byte>(OwnerKeyDerivation.KeySize, pinned: true);
        try
        {
            await GetDecryptionKeyAsync(parts, binding, key, cancellationToken).ConfigureAwait(false);
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
        CheckBinding(binding, nameof(binding));
        if (!NeedsRewrap(envelope))
        {
            return envelope;
        }

        return await TransferAsync(binding, binding, envelope, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<string> TransferAsync(SecretBinding from, SecretBinding to, string envelope, CancellationToken cancellationToken = default)
    {
        CheckBinding(from, nameof(from));
        CheckBinding(to, nameof(to));
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
        if (owner.Value is null)
        {
            throw new ArgumentException("The owner is default(OwnerId); create it with new OwnerId(\"discord:…\") or OwnerId.ForDiscordUser.", nameof(owner));
        }

        var deleted = await _salts.DeleteAsync(owner, cancellationToken).ConfigureAwait(false);
        _cache.RemoveOwner(owner);
        return deleted;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>Rejects a binding that cannot name a place (e.g. <c>default(SecretBinding)</c>) before any work.</summary>
    private static void CheckBinding(SecretBinding binding, string parameter)
    {
        var missing = binding.Owner.Value is null ? "owner (it is default(OwnerId))"
            : string.IsNullOrEmpty(binding.RecordId) ? "record id"
            : string.IsNullOrEmpty(binding.Field) ? "field"
            : null;
        if (missing is not null)
        {
            throw new ArgumentException(
                $"The secret binding has no {missing}. Create it with new SecretBinding(new OwnerId(\"discord:…\"), recordId, field), all three set.",
                parameter);
        }
    }

    private static string Seal(ReadOnlySpan<byte> key, string keyId, ulong saltId, SecretBinding binding, ReadOnlySpan<byte> plaintext)
    {
        var envelope = new byte[VaultEnvelope.Size(keyId, plaintext.Length)];
        var headerSize = VaultEnvelope.HeaderSize(keyId);
        VaultEnvelope.WriteHeader(envelope, keyId, saltId);
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

    /// <summary>The owner's key under the active master key and the owner's current salt (created when missing); returns the salt's id.</summary>
    private async ValueTask<ulong> GetEncryptionKeyAsync(string keyId, OwnerId owner, byte[] destination, CancellationToken cancellationToken)
    {
        var master = FindMasterKey(keyId);
        var generation = _cache.Generation;
        var salt = await _salts.GetAsync(owner, cancellationToken).ConfigureAwait(false)
            ?? await _salts.GetOrAddAsync(owner, RandomNumberGenerator.GetBytes(OwnerKeyDerivation.SaltSize), cancellationToken).ConfigureAwait(false);
        var saltId = IdOfStoredSalt(salt, owner);
        CopyOrDeriveKey(master, keyId, owner, salt, saltId, generation, destination);
        return saltId;
    }

    /// <summary>The owner's key for <paramref name="parts"/>: from the cache when the envelope names its salt, else from the store.</summary>
    private async ValueTask GetDecryptionKeyAsync(VaultEnvelope.Parts parts, SecretBinding binding, byte[] destination, CancellationToken cancellationToken)
    {
        var owner = binding.Owner;
        if (parts.SaltId is { } wanted && _cache.TryCopy(parts.KeyId, owner, wanted, destination))
        {
            return;
        }

        var master = FindMasterKey(parts.KeyId);
        var generation = _cache.Generation;
        var salt = await _salts.GetAsync(owner, cancellationToken).ConfigureAwait(false)
            ?? throw new SecretVaultException(SecretVaultError.OwnerShredded,
                $"Owner '{owner}' has no vault key material: their secrets were shredded (or never existed), and cannot be decrypted.");
        var saltId = IdOfStoredSalt(salt, owner);
        if (parts.SaltId is { } made && made != saltId)
        {
            throw new SecretVaultException(SecretVaultError.OwnerShredded,
                $"The vault envelope for record '{binding.RecordId}', field '{binding.Field}' was not made with owner '{owner}''s current key material: " +
                "the owner was shredded since, so it cannot be decrypted any more (or it belongs to another owner, or was altered).");
        }

        CopyOrDeriveKey(master, parts.KeyId, owner, salt, saltId, generation, destination);
    }

    private byte[] FindMasterKey(string keyId) =>
        _ring.Find(keyId)
            ?? throw new SecretVaultException(SecretVaultError.UnknownKey,
                $"The vault envelope was made with master key '{keyId}', which is not in the key ring. Add it back under MCPilot:Vault:Keys:{keyId}.");

    /// <summary>
    /// Checks a salt read from the store and returns its id. Salts are not zeroed after use: they
    /// are not secret without the master key, and a store may hand out the array it keeps.
    /// </summary>
    private ulong IdOfStoredSalt(byte[] salt, OwnerId owner)
    {
        if (salt.Length < OwnerKeyDerivation.MinimumSaltSize)
        {
            throw new InvalidOperationException(
                $"The owner salt store ({_salts.GetType().Name}) returned a salt of {salt.Length} byte(s) for owner '{owner}'; the vault needs at least " +
                $"{OwnerKeyDerivation.MinimumSaltSize}. The stored salt is corrupt: restore it from a backup. Replacing or deleting it makes the owner's secrets unrecoverable.");
        }

        return OwnerKeyDerivation.SaltId(salt);
    }

    /// <summary>
    /// Copies the cached key of this master key, owner and salt, or derives and caches it. The cache
    /// refuses the key when the owner's keys were dropped since <paramref name="generation"/>.
    /// </summary>
    private void CopyOrDeriveKey(byte[] master, string keyId, OwnerId owner, byte[] salt, ulong saltId, long generation, byte[] destination)
    {
        if (_cache.TryCopy(keyId, owner, saltId, destination))
        {
            return;
        }

        OwnerKeyDerivation.Derive(master, salt, owner, destination);
        _cache.Add(keyId, owner, saltId, destination, generation);
    }
}
