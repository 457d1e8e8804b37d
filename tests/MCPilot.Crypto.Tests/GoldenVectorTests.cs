using System.Buffers.Text;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Crypto.Tests;

/// <summary>
/// Pins the vault's own wiring (which bytes go into HKDF, the salt id, the envelope layout and
/// the associated data) with values computed outside .NET by <c>Golden/golden_vectors.py</c>
/// (HKDF-SHA256 written out from RFC 5869 with hmac/hashlib, AES-256-GCM from the Python
/// <c>cryptography</c> package). If one of these fails, envelopes already stored would no longer
/// decrypt: do not update the constants, fix the code.
/// </summary>
public sealed class GoldenVectorTests
{
    private const string Master = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // bytes 00..1f
    private const string Salt = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
    private const string OwnerKey = "05c586fda412a8492a75a4785c3665834e306854b9e778df71721d0ab1a9e8d1";
    private const ulong SaltId = 0x11db768bfcd1e8e4;
    private const string Plaintext = "Bearer sk-golden-0123456789";

    /// <summary>Format version 1: no salt id (made by the vault before salt ids).</summary>
    private const string EnvelopeV1 = "AQdwcmltYXJ5QEFCQ0RFRkdISUpLTooHx2HNEINKmr-t70DeHgDjrTRnZiyGQXpFkgBD7L6GctqnKx3eiKfrEQ";

    /// <summary>Format version 2: the salt id follows the key id.</summary>
    private const string EnvelopeV2 = "AgdwcmltYXJ5Edt2i_zR6ORAQUJDREVGR0hJSktOigfHYc0Qg0qav63vQN4eAOOtNGdmLIZBekVRB2AEIDpiqJp2HIGG98zj";

    private static readonly SecretBinding Binding = new(new OwnerId("discord:1234567890"), "srv-0001", "headers.Authorization");

    [Fact]
    public void Derive_FixedMasterSaltAndOwner_MatchesIndependentHkdf()
    {
        var key = new byte[OwnerKeyDerivation.KeySize];

        OwnerKeyDerivation.Derive(Convert.FromBase64String(Master), Convert.FromHexString(Salt), Binding.Owner, key);

        Assert.Equal(OwnerKey, Convert.ToHexStringLower(key));
    }

    [Fact]
    public void SaltId_FixedSalt_MatchesIndependentHmac()
    {
        Assert.Equal(SaltId, OwnerKeyDerivation.SaltId(Convert.FromHexString(Salt)));
    }

    [Theory]
    [InlineData(EnvelopeV1, true)]
    [InlineData(EnvelopeV1, false)]
    [InlineData(EnvelopeV2, true)]
    [InlineData(EnvelopeV2, false)]
    public async Task Decrypt_CheckedInEnvelope_ReturnsItsPlaintext(string envelope, bool warmCache)
    {
        using var provider = await BuildWithGoldenSaltAsync(warmCache);

        Assert.Equal(Plaintext, await provider.Vault().DecryptStringAsync(Binding, envelope));
        Assert.False(provider.Vault().NeedsRewrap(envelope));
    }

    [Theory]
    [InlineData(EnvelopeV1)]
    [InlineData(EnvelopeV2)]
    public async Task Decrypt_CheckedInEnvelopeInAnotherPlace_FailsAuthentication(string envelope)
    {
        using var provider = await BuildWithGoldenSaltAsync(warmCache: true);

        var error = await Assert.ThrowsAsync<SecretVaultException>(
            () => provider.Vault().DecryptAsync(Binding with { Field = "headers.authorization" }, envelope).AsTask());

        Assert.Equal(SecretVaultError.AuthenticationFailed, error.Error);
    }

    [Fact]
    public async Task Encrypt_WithGoldenMasterAndSalt_WritesVersion2WithTheSaltId()
    {
        using var provider = await BuildWithGoldenSaltAsync(warmCache: true);

        var envelope = await provider.Vault().EncryptStringAsync(Binding, Plaintext);

        var parts = VaultEnvelope.Parse(envelope);
        Assert.Equal(VaultEnvelope.Version2, parts.Version);
        Assert.Equal(VaultOptions.PrimaryKeyId, parts.KeyId);
        Assert.Equal(SaltId, parts.SaltId);
        Assert.Equal(Base64Url.DecodeFromChars(EnvelopeV2).Length, Base64Url.DecodeFromChars(envelope).Length);
    }

    [Fact]
    public async Task Decrypt_CheckedInEnvelopesAfterShredAndNewSalt_V2SaysShreddedV1FailsAuthentication()
    {
        var salts = new InMemoryOwnerSaltStore();
        using var provider = VaultFixture.Build(Master, salts: salts);
        await salts.GetOrAddAsync(Binding.Owner, Convert.FromHexString(Salt));
        await provider.Vault().ShredOwnerAsync(Binding.Owner);
        await provider.Vault().EncryptStringAsync(Binding, "a new salt for the same owner");

        var v2 = await Assert.ThrowsAsync<SecretVaultException>(() => provider.Vault().DecryptAsync(Binding, EnvelopeV2).AsTask());
        var v1 = await Assert.ThrowsAsync<SecretVaultException>(() => provider.Vault().DecryptAsync(Binding, EnvelopeV1).AsTask());

        Assert.Equal(SecretVaultError.OwnerShredded, v2.Error);
        Assert.Equal(SecretVaultError.AuthenticationFailed, v1.Error); // version 1 does not name its salt
    }

    private static async Task<ServiceProvider> BuildWithGoldenSaltAsync(bool warmCache)
    {
        var salts = new InMemoryOwnerSaltStore();
        await salts.GetOrAddAsync(Binding.Owner, Convert.FromHexString(Salt));
        return VaultFixture.Build(Master, warmCache, salts);
    }
}
