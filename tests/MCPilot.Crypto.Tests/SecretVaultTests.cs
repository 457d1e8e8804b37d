using System.Buffers.Text;
using MCPilot.Testing;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto.Tests;

/// <summary>The vault's contract. The core tests run with the derived-key cache warm (the production default) and cold.</summary>
public sealed class SecretVaultTests
{
    private static readonly string Secret = VaultFixture.NewSecret();

    [Theory]
    [InlineData("", true)]
    [InlineData("", false)]
    [InlineData("x", true)]
    [InlineData("x", false)]
    [InlineData("Bearer sk-live-0123456789abcdef", true)]
    [InlineData("Bearer sk-live-0123456789abcdef", false)]
    [InlineData("ünïcödé ✓ 🔐", true)]
    [InlineData("ünïcödé ✓ 🔐", false)]
    public async Task EncryptThenDecrypt_SameBinding_ReturnsPlaintext(string plaintext, bool warmCache)
    {
        using var provider = VaultFixture.Build(Secret, warmCache);
        var vault = provider.Vault();
        var binding = VaultFixture.Binding();

        var envelope = await vault.EncryptStringAsync(binding, plaintext);

        Assert.Equal(plaintext, await vault.DecryptStringAsync(binding, envelope));
        Assert.Equal(plaintext, await vault.DecryptStringAsync(binding, envelope));
        Assert.DoesNotContain(plaintext.Length > 3 ? plaintext : "\0", envelope, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Decrypt_AnyByteFlipped_IsRejected(bool warmCache)
    {
        using var provider = VaultFixture.Build(Secret, warmCache);
        var vault = provider.Vault();
        var binding = VaultFixture.Binding();
        var envelope = await vault.EncryptStringAsync(binding, "a secret header value");
        var bytes = Base64Url.DecodeFromChars(envelope);
        var keyIdEnd = 2 + bytes[1];
        var saltIdEnd = keyIdEnd + VaultEnvelope.SaltIdSize;

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = bytes.ToArray();
            tampered[i] ^= 0x01;
            var error = await Assert.ThrowsAsync<SecretVaultException>(
                () => vault.DecryptAsync(binding, Base64Url.EncodeToString(tampered)).AsTask());
            var expected = i switch
            {
                < 2 => [SecretVaultError.Malformed, SecretVaultError.UnknownKey],
                _ when i < keyIdEnd => [SecretVaultError.Malformed, SecretVaultError.UnknownKey],
                // A salt id the owner's salt does not have reads as "made before a shred"; the two cannot be told apart.
                _ when i < saltIdEnd => [SecretVaultError.OwnerShredded],
                _ => new[] { SecretVaultError.AuthenticationFailed },
            };
            Assert.True(expected.Contains(error.Error), $"byte {i}: {error.Error}");
        }

        Assert.Equal("a secret header value", await vault.DecryptStringAsync(binding, envelope));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Decrypt_TruncatedOrExtended_IsRejected(bool warmCache)
    {
        using var provider = VaultFixture.Build(Secret, warmCache);
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
    [InlineData(new byte[] { 1 }, "truncated or corrupt: it has 1 byte(s)")]
    [InlineData(new byte[] { 2 }, "truncated or corrupt: it has 1 byte(s)")]
    [InlineData(new byte[] { 2, 7, 0x70 }, "truncated or corrupt: it has 3 byte(s)")]
    [InlineData(new byte[] { 9, 7, 0x70 }, "format version 9; this version of MCPilot reads versions 1 and 2")]
    [InlineData(new byte[] { 2, 0, 0x70 }, "key id length is 0")]
    public async Task Decrypt_ShortOrUnknownEnvelope_SaysWhatIsWrong(byte[] bytes, string expected)
    {
        using var provider = VaultFixture.Build(Secret);

        var error = await Assert.ThrowsAsync<SecretVaultException>(
            () => provider.Vault().DecryptAsync(VaultFixture.Binding(), Base64Url.EncodeToString(bytes)).AsTask());

        Assert.Equal(SecretVaultError.Malformed, error.Error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("discord:2", "srv-1", "headers.Authorization", true)]
    [InlineData("discord:2", "srv-1", "headers.Authorization", false)]
    [InlineData("discord:1", "srv-2", "headers.Authorization", true)]
    [InlineData("discord:1", "srv-2", "headers.Authorization", false)]
    [InlineData("discord:1", "srv-1", "env.API_KEY", true)]
    [InlineData("discord:1", "srv-1", "env.API_KEY", false)]
    public async Task Decrypt_OtherOwnerRecordOrField_IsRejected(string owner, string record, string field, bool warmCache)
    {
        using var provider = VaultFixture.Build(Secret, warmCache);
        var vault = provider.Vault();
        var envelope = await vault.EncryptStringAsync(VaultFixture.Binding(), "secret");
        await vault.EncryptStringAsync(VaultFixture.Binding(owner), "gives the other owner a salt");

        var error = await Assert.ThrowsAsync<SecretVaultException>(
            () => vault.DecryptAsync(VaultFixture.Binding(owner, record, field), envelope).AsTask());

        // Another owner has another salt, so the envelope names a salt that owner does not have:
        // that reads like an envelope made before a shred, and the message names both causes.
        Assert.Equal(owner == "discord:1" ? SecretVaultError.AuthenticationFailed : SecretVaultError.OwnerShredded, error.Error);
        Assert.Contains("belongs to another owner", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Decrypt_OwnersWithSwappedSalts_IsRejected(bool warmCache)
    {
        var salts = new InMemoryOwnerSaltStore();
        using var provider = VaultFixture.Build(Secret, warmCache, salts);
        var vault = provider.Vault();
        var alice = VaultFixture.Binding("discord:1");
        var envelope = await vault.EncryptStringAsync(alice, "secret");
        var aliceSalt = (await salts.GetAsync(alice.Owner))!;

        // Mallory gets Alice's salt: the owner id is part of the key derivation, so she still cannot read it.
        var mallory = VaultFixture.Binding("discord:666");
        await salts.GetOrAddAsync(mallory.Owner, aliceSalt);

        var error = await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(mallory, envelope).AsTask());
        Assert.Equal(SecretVaultError.AuthenticationFailed, error.Error);
        Assert.Equal("secret", await vault.DecryptStringAsync(alice, envelope));
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
            var parts = VaultEnvelope.Parse(await vault.EncryptAsync(binding, plaintext));
            Assert.True(nonces.Add(Convert.ToHexString(parts.Nonce)), $"nonce repeated at encryption {i}");
        }

        Assert.Equal(100_000, nonces.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rotate_OldEnvelopesStillDecrypt_AndRewrapMovesThemToTheActiveKey(bool warmCache)
    {
        var salts = new InMemoryOwnerSaltStore();
        var oldSecret = VaultFixture.NewSecret();
        var binding = VaultFixture.Binding();
        string oldEnvelope;
        using (var before = VaultFixture.Build(oldSecret, warmCache, salts))
        {
            oldEnvelope = await before.Vault().EncryptStringAsync(binding, "survives rotation");
        }

        var cache = warmCache ? [] : new Dictionary<string, string?> { ["MCPilot:Vault:DerivedKeyCacheSize"] = "0" };
        using var after = VaultFixture.Build(new Dictionary<string, string?>(cache)
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
        Assert.Equal("survives rotation", await vault.DecryptStringAsync(binding, rewrapped));
        Assert.Equal("survives rotation", await vault.DecryptStringAsync(binding, oldEnvelope));

        // Once the old key has left the ring, only the re-wrapped envelope still opens.
        using var retired = VaultFixture.Build(new Dictionary<string, string?>(cache)
        {
            ["MCPilot:Vault:Keys:2026-11"] = after.GetRequiredService<IOptions<VaultOptions>>().Value.Keys["2026-11"],
            ["MCPilot:Vault:ActiveKeyId"] = "2026-11",
        }, salts);
        Assert.Equal("survives rotation", await retired.Vault().DecryptStringAsync(binding, rewrapped));
        var error = await Assert.ThrowsAsync<SecretVaultException>(() => retired.Vault().DecryptAsync(binding, oldEnvelope).AsTask());
        Assert.Equal(SecretVaultError.UnknownKey, error.Error);
        Assert.Contains("'primary'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Transfer_ToNewOwner_OnlyTheNewOwnerDecrypts(bool warmCache)
    {
        using var provider = VaultFixture.Build(Secret, warmCache);
        var vault = provider.Vault();
        var member = VaultFixture.Binding("discord:10", "srv-shared", "env.TOKEN");
        var admin = VaultFixture.Binding("discord:20", "srv-shared", "env.TOKEN");
        var envelope = await vault.EncryptStringAsync(member, "shared token");

        var moved = await vault.TransferAsync(member, admin, envelope);

        Assert.Equal("shared token", await vault.DecryptStringAsync(admin, moved));
        Assert.Equal("shared token", await vault.DecryptStringAsync(member, envelope));
        await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(member, moved).AsTask());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Shred_Owner_MakesEverySecretOfThatOwnerUnrecoverable(bool warmCache)
    {
        var salts = new InMemoryOwnerSaltStore();
        using var provider = VaultFixture.Build(Secret, warmCache, salts);
        var vault = provider.Vault();
        var erased = VaultFixture.Binding("discord:7");
        var kept = VaultFixture.Binding("discord:8");
        var envelopes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            envelopes.Add(await vault.EncryptStringAsync(erased with { RecordId = $"srv-{i}" }, $"secret {i}"));
            Assert.Equal($"secret {i}", await vault.DecryptStringAsync(erased with { RecordId = $"srv-{i}" }, envelopes[i]));
        }

        var keptEnvelope = await vault.EncryptStringAsync(kept, "kept");

        Assert.True(await vault.ShredOwnerAsync(erased.Owner));
        Assert.False(await vault.ShredOwnerAsync(erased.Owner));

        for (var i = 0; i < envelopes.Count; i++)
        {
            var error = await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(erased with { RecordId = $"srv-{i}" }, envelopes[i]).AsTask());
            Assert.Equal(SecretVaultError.OwnerShredded, error.Error);
        }

        // A new salt for the same owner id does not bring the old secrets back, and says why.
        var reborn = await vault.EncryptStringAsync(erased, "new life");
        var stale = await Assert.ThrowsAsync<SecretVaultException>(() => vault.DecryptAsync(erased with { RecordId = "srv-0" }, envelopes[0]).AsTask());
        Assert.Equal(SecretVaultError.OwnerShredded, stale.Error);
        Assert.Contains("shredded since", stale.Message, StringComparison.Ordinal);
        Assert.Equal("new life", await vault.DecryptStringAsync(erased, reborn));
        Assert.Equal("kept", await vault.DecryptStringAsync(kept, keptEnvelope));
    }

    [Fact]
    public async Task Shred_OnAnotherHostSharingTheStore_NewSecretsStayDecryptableEverywhere()
    {
        // Two hosts share one salt store, both with the production (warm) cache.
        var salts = new InMemoryOwnerSaltStore();
        var time = new ManualTimeProvider();
        using var hostA = VaultFixture.Build(Secret, salts: salts, time: time);
        using var hostB = VaultFixture.Build(Secret, salts: salts, time: time);
        var a = hostA.Vault();
        var b = hostB.Vault();
        var binding = VaultFixture.Binding("discord:77");
        var before = await b.EncryptStringAsync(binding, "before the erase");
        Assert.Equal("before the erase", await a.DecryptStringAsync(binding, before));

        Assert.True(await a.ShredOwnerAsync(binding.Owner));
        var after = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            // B still holds the old key in its cache: it must not be used for new secrets.
            after.Add(await b.EncryptStringAsync(binding with { RecordId = $"srv-{i}" }, $"after {i}"));
        }

        after.Add(await a.EncryptStringAsync(binding with { RecordId = "srv-a" }, "after a"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"after {i}", await a.DecryptStringAsync(binding with { RecordId = $"srv-{i}" }, after[i]));
            Assert.Equal($"after {i}", await b.DecryptStringAsync(binding with { RecordId = $"srv-{i}" }, after[i]));
        }

        Assert.Equal("after a", await b.DecryptStringAsync(binding with { RecordId = "srv-a" }, after[3]));
        var onA = await Assert.ThrowsAsync<SecretVaultException>(() => a.DecryptAsync(binding, before).AsTask());
        Assert.Equal(SecretVaultError.OwnerShredded, onA.Error);

        // B may serve the old key from its cache for at most DerivedKeyLifetime; then it refuses too.
        time.Advance(new VaultOptions().DerivedKeyLifetime + TimeSpan.FromSeconds(1));
        var onB = await Assert.ThrowsAsync<SecretVaultException>(() => b.DecryptAsync(binding, before).AsTask());
        Assert.Equal(SecretVaultError.OwnerShredded, onB.Error);
    }

    [Fact]
    public async Task Shred_WhileADecryptHasReadTheOldSalt_TheOldKeyIsNotCachedAgain()
    {
        var salts = new PausingOwnerSaltStore();
        using var writer = VaultFixture.Build(Secret, salts: salts);
        using var reader = VaultFixture.Build(Secret, salts: salts);
        var binding = VaultFixture.Binding("discord:99");
        var envelope = await writer.Vault().EncryptStringAsync(binding, "erase me");
        var ct = TestContext.Current.CancellationToken;

        var held = salts.PauseNextRead();
        var racing = reader.Vault().DecryptStringAsync(binding, envelope, ct).AsTask();
        await held.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.True(await reader.Vault().ShredOwnerAsync(binding.Owner, ct));
        salts.Resume();

        // The decrypt that was already under way finishes; nothing after the shred may decrypt.
        Assert.Equal("erase me", await racing.WaitAsync(TimeSpan.FromSeconds(30), ct));
        var error = await Assert.ThrowsAsync<SecretVaultException>(() => reader.Vault().DecryptAsync(binding, envelope, ct).AsTask());
        Assert.Equal(SecretVaultError.OwnerShredded, error.Error);
        Assert.Equal(0, ((SecretVault)reader.Vault()).CachedKeyCount);
    }

    [Fact]
    public async Task AnyCall_DefaultBinding_ThrowsArgumentExceptionNamingWhatIsMissing()
    {
        using var provider = VaultFixture.Build(Secret);
        var vault = provider.Vault();
        var good = VaultFixture.Binding();
        var envelope = await vault.EncryptStringAsync(good, "secret");

        var encrypt = await Assert.ThrowsAsync<ArgumentException>(() => vault.EncryptAsync(default, new byte[] { 1 }).AsTask());
        var decrypt = await Assert.ThrowsAsync<ArgumentException>(() => vault.DecryptAsync(default, envelope).AsTask());
        var transfer = await Assert.ThrowsAsync<ArgumentException>(() => vault.TransferAsync(good, good with { Owner = default }, envelope).AsTask());
        var noRecord = await Assert.ThrowsAsync<ArgumentException>(() => vault.EncryptAsync(good with { RecordId = null! }, new byte[] { 1 }).AsTask());
        var noField = await Assert.ThrowsAsync<ArgumentException>(() => vault.DecryptAsync(good with { Field = "" }, envelope).AsTask());
        var shred = await Assert.ThrowsAsync<ArgumentException>(() => vault.ShredOwnerAsync(default).AsTask());

        Assert.Contains("no owner", encrypt.Message, StringComparison.Ordinal);
        Assert.Equal("binding", encrypt.ParamName);
        Assert.Contains("no owner", decrypt.Message, StringComparison.Ordinal);
        Assert.Equal("to", transfer.ParamName);
        Assert.Contains("no record id", noRecord.Message, StringComparison.Ordinal);
        Assert.Contains("no field", noField.Message, StringComparison.Ordinal);
        Assert.Equal("owner", shred.ParamName);
        Assert.Equal("secret", await vault.DecryptStringAsync(good, envelope));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(15)]
    public async Task EncryptOrDecrypt_StoredSaltTooShort_FailsNamingTheStoreAndTheFix(int length)
    {
        using var provider = VaultFixture.Build(Secret, salts: FixedOwnerSaltStore.OfLength(length));
        var vault = provider.Vault();

        var encrypt = await Assert.ThrowsAsync<InvalidOperationException>(() => vault.EncryptStringAsync(VaultFixture.Binding(), "x").AsTask());
        var decrypt = await Assert.ThrowsAsync<InvalidOperationException>(
            () => vault.DecryptAsync(VaultFixture.Binding(), ValidLookingEnvelope()).AsTask());

        foreach (var message in new[] { encrypt.Message, decrypt.Message })
        {
            Assert.Contains($"a salt of {length} byte(s)", message, StringComparison.Ordinal);
            Assert.Contains("at least 16", message, StringComparison.Ordinal);
            Assert.Contains(nameof(FixedOwnerSaltStore), message, StringComparison.Ordinal);
            Assert.Contains("restore it from a backup", message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EncryptOrDecrypt_StoredSaltOf16Bytes_WorksAndTheStoresArrayIsLeftAlone(bool warmCache)
    {
        var salts = FixedOwnerSaltStore.OfLength(16);
        var original = salts.Salt.ToArray();
        using var provider = VaultFixture.Build(Secret, warmCache, salts);
        var vault = provider.Vault();

        var envelope = await vault.EncryptStringAsync(VaultFixture.Binding(), "sixteen is enough");

        Assert.Equal("sixteen is enough", await vault.DecryptStringAsync(VaultFixture.Binding(), envelope));
        Assert.Equal(original, salts.Salt);
    }

    [Fact]
    public async Task KeyCache_IsBoundedAndColdModeCachesNothing()
    {
        using var byDefault = VaultFixture.Build(Secret);
        var defaultVault = (SecretVault)byDefault.Vault();
        await defaultVault.EncryptStringAsync(VaultFixture.Binding(), "x");
        Assert.Equal(1, defaultVault.CachedKeyCount);

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

        using var cold = VaultFixture.Build(Secret, warmCache: false);
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

    /// <summary>A well-formed version 2 envelope under the primary key, for a decrypt that must reach the salt store.</summary>
    private static string ValidLookingEnvelope()
    {
        var bytes = new byte[VaultEnvelope.Size(VaultOptions.PrimaryKeyId, 4)];
        VaultEnvelope.WriteHeader(bytes, VaultOptions.PrimaryKeyId, 42);
        return VaultEnvelope.Encode(bytes);
    }
}
