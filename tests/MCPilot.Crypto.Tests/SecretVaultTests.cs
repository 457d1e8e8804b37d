using System.Buffers.Text;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto.Tests;

public sealed class SecretVaultTests
{
    private static readonly string Secret = VaultFixture.NewSecret();

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("Bearer sk-live-0123456789abcdef")]
    [InlineData("ünïcödé ✓ 🔐")]
    public async Task EncryptThenDecrypt_SameBinding_ReturnsPlaintext(string plaintext)
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        var binding = VaultFixture.Binding();

        var envelope = await vault.EncryptStringAsync(binding, plaintext);

        Assert.Equal(plaintext, await vault.DecryptStringAsync(binding, envelope));
        Assert.DoesNotContain(plaintext.Length > 3 ? plaintext : "\0", envelope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_AnyByteFlipped_IsRejected()
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        var binding = VaultFixture.Binding();
        var envelope = await vault.EncryptStringAsync(binding, "a secret header value");
        var bytes = Base64Url.DecodeFromChars(envelope);

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = bytes.ToArray();
            tampered[i] ^= 0x01;
            var error = await Assert.ThrowsAsync<SecretVaultException>(
                () => vault.DecryptAsync(binding, Base64Url.EncodeToString(tampered)).AsTask());
            Assert.True(error.Error is SecretVaultError.AuthenticationFailed or SecretVaultError.Malformed or SecretVaultError.UnknownKey,
                $"byte {i}: {error.Error}");
        }
    }

    [Fact]
    public async Task Decrypt_TruncatedOrExtended_IsRejected()
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        var binding = VaultFixture.Binding();
        var bytes = Base64Url.DecodeFromChars(await vault.EncryptStringAsync(binding, "secret"));

        for (var length = 0; length < bytes.Length; length++)
        {
            await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(binding, Base64Url.EncodeToString(bytes.AsSpan(0, length))).AsTask());
        }

        await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(binding, Base64Url.EncodeToString([.. bytes, 0])).AsTask());
        await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(binding, "not an envelope!").AsTask());
    }

    [Theory]
    [InlineData("discord:2", "srv-1", "headers.Authorization")]
    [InlineData("discord:1", "srv-2", "headers.Authorization")]
    [InlineData("discord:1", "srv-1", "env.API_KEY")]
    public async Task Decrypt_OtherOwnerRecordOrField_IsRejected(string owner, string record, string field)
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        var envelope = await vault.EncryptStringAsync(VaultFixture.Binding(), "secret");
        await vault.EncryptStringAsync(VaultFixture.Binding(owner), "gives the other owner a salt");

        var error = await Assert.ThrowsAsync<SecretVaultException>(
            () => vault.DecryptAsync(VaultFixture.Binding(owner, record, field), envelope).AsTask());

        Assert.Equal(SecretVaultError.AuthenticationFailed, error.Error);
    }

    [Fact]
    public async Task Decrypt_OwnersWithSwappedSalts_IsRejected()
    {
        var salts = new InMemoryOwnerSaltStore();
        using var provider = VaultFixture.Build(Secret, salts);
        var vault = provider.Vault();
        var alice = VaultFixture.Binding("discord:1");
        var envelope = await vault.EncryptStringAsync(alice, "secret");
        var aliceSalt = (await salts.GetAsync(alice.Owner))!;

        // Mallory gets Alice's salt: the owner id is part of the key derivation, so she still cannot read it.
        var mallory = VaultFixture.Binding("discord:666");
        await salts.GetOrAddAsync(mallory.Owner, aliceSalt);
        using var coldProvider = VaultFixture.Build(Secret, salts, cacheSize: 0);

        await Assert.ThrowsAsync<SecretVaultException>(() => coldProvider.Vault().DecryptAsync(mallory, envelope).AsTask());
        Assert.Equal("secret", await coldProvider.Vault().DecryptStringAsync(alice, envelope));
    }

    [Fact]
    public async Task Encrypt_100000Times_NoncesAreUnique()
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        var binding = VaultFixture.Binding();
        var nonces = new HashSet<string>(StringComparer.Ordinal);
        var plaintext = new byte[1];

        for (var i = 0; i < 100_000; i++)
        {
            var bytes = Base64Url.DecodeFromChars(await vault.EncryptAsync(binding, plaintext));
            var nonceStart = 2 + bytes[1];
            Assert.True(nonces.Add(Convert.ToHexString(bytes, nonceStart, 12)), $"nonce repeated at encryption {i}");
        }

        Assert.Equal(100_000, nonces.Count);
    }

    [Fact]
    public async Task Rotate_OldEnvelopesStillDecrypt_AndRewrapMovesThemToTheActiveKey()
    {
        var salts = new InMemoryOwnerSaltStore();
        var oldSecret = VaultFixture.NewSecret();
        var binding = VaultFixture.Binding();
        string oldEnvelope;
        using (var before = VaultFixture.Build(oldSecret, salts))
        {
            oldEnvelope = await before.Vault().EncryptStringAsync(binding, "survives rotation");
        }

        using var after = VaultFixture.Build(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = oldSecret,
            ["MCPilot:Vault:Keys:2026-11"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:ActiveKeyId"] = "2026-11",
        }, salts);
        var vault = after.Vault();

        Assert.Equal("2026-11", vault.ActiveKeyId);
        Assert.True(vault.NeedsRewrap(oldEnvelope));
        Assert.Equal("survives rotation", await vault.DecryptStringAsync(binding, oldEnvelope));

        var rewrapped = await vault.RewrapAsync(binding, oldEnvelope);
        Assert.False(vault.NeedsRewrap(rewrapped));
        Assert.Equal(rewrapped, await vault.RewrapAsync(binding, rewrapped));

        // Once the old key has left the ring, only the re-wrapped envelope still opens.
        using var retired = VaultFixture.Build(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:Keys:2026-11"] = after.GetRequiredService<IOptions<VaultOptions>>().Value.Keys["2026-11"],
            ["MCPilot:Vault:ActiveKeyId"] = "2026-11",
        }, salts);
        Assert.Equal("survives rotation", await retired.Vault().DecryptStringAsync(binding, rewrapped));
        var error = await Assert.ThrowsAsync<SecretVaultException>(() => retired.Vault().DecryptAsync(binding, oldEnvelope).AsTask());
        Assert.Equal(SecretVaultError.UnknownKey, error.Error);
        Assert.Contains("'primary'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_ToNewOwner_OnlyTheNewOwnerDecrypts()
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        var member = VaultFixture.Binding("discord:10", "srv-shared", "env.TOKEN");
        var admin = VaultFixture.Binding("discord:20", "srv-shared", "env.TOKEN");
        var envelope = await vault.EncryptStringAsync(member, "shared token");

        var moved = await vault.TransferAsync(member, admin, envelope);

        Assert.Equal("shared token", await vault.DecryptStringAsync(admin, moved));
        await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(member, moved).AsTask());
    }

    [Fact]
    public async Task Shred_Owner_MakesEverySecretOfThatOwnerUnrecoverable()
    {
        var salts = new InMemoryOwnerSaltStore();
        using var provider = VaultFixture.Build(Secret, salts);
        var vault = provider.Vault();
        var erased = VaultFixture.Binding("discord:7");
        var kept = VaultFixture.Binding("discord:8");
        var envelopes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            envelopes.Add(await vault.EncryptStringAsync(erased with { RecordId = $"srv-{i}" }, $"secret {i}"));
        }

        var keptEnvelope = await vault.EncryptStringAsync(kept, "kept");

        Assert.True(await vault.ShredOwnerAsync(erased.Owner));
        Assert.False(await vault.ShredOwnerAsync(erased.Owner));

        for (var i = 0; i < envelopes.Count; i++)
        {
            var error = await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(erased with { RecordId = $"srv-{i}" }, envelopes[i]).AsTask());
            Assert.Equal(SecretVaultError.OwnerShredded, error.Error);
        }

        // A new salt for the same owner id does not bring the old secrets back.
        await vault.EncryptStringAsync(erased, "new life");
        await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(erased with { RecordId = "srv-0" }, envelopes[0]).AsTask());
        Assert.Equal("kept", await vault.DecryptStringAsync(kept, keptEnvelope));
    }

    [Fact]
    public async Task KeyCache_IsBoundedAndColdModeCachesNothing()
    {
        using var warm = VaultFixture.Build(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = Secret,
            ["MCPilot:Vault:DerivedKeyCacheSize"] = "3",
        });
        var vault = (SecretVault)warm.Vault();
        for (var i = 0; i < 10; i++)
        {
            await vault.EncryptStringAsync(VaultFixture.Binding($"discord:{i}"), "x");
        }

        Assert.Equal(3, vault.CachedKeyCount);

        using var cold = VaultFixture.Build(Secret, cacheSize: 0);
        var coldVault = (SecretVault)cold.Vault();
        var envelope = await coldVault.EncryptStringAsync(VaultFixture.Binding(), "x");
        Assert.Equal("x", await coldVault.DecryptStringAsync(VaultFixture.Binding(), envelope));
        Assert.Equal(0, coldVault.CachedKeyCount);
    }

    [Fact]
    public async Task Errors_NeverContainSecretsOrPlaintext()
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        const string plaintext = "PLAINTEXT-SECRET-VALUE";
        var envelope = await vault.EncryptStringAsync(VaultFixture.Binding(), plaintext);

        var error = await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(VaultFixture.Binding(field: "other"), envelope).AsTask());

        var text = error.ToString();
        Assert.DoesNotContain(plaintext, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(envelope, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, provider.GetRequiredService<IOptions<VaultOptions>>().Value.ToString(), StringComparison.Ordinal);
        Assert.Contains("srv-1", error.Message, StringComparison.Ordinal);
    }
}
