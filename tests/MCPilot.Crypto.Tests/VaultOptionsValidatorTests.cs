using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto.Tests;

public sealed class VaultOptionsValidatorTests
{
    [Fact]
    public void Start_NoSecret_FailsWithHowToGenerate()
    {
        var message = StartFailure(new Dictionary<string, string?>());
        Assert.Contains("No vault master secret is configured", message, StringComparison.Ordinal);
        Assert.Contains("BOT_MASTER_SECRET", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("base64", 16, "base64 of 128 bits")]
    [InlineData("base64", 24, "base64 of 192 bits")]
    [InlineData("base64", 28, "base64 of 224 bits")]
    [InlineData("base64", 31, "base64 of 248 bits")]
    [InlineData("hex", 16, "hex of 128 bits")]
    [InlineData("hex", 24, "hex of 192 bits")] // `openssl rand -hex 24`: read as base64 it would pass as 288 bits
    [InlineData("hex", 28, "hex of 224 bits")]
    public void Start_ShortSecret_FailsNamingItsEncodingAndRealStrength(string encoding, int bytes, string expected)
    {
        var random = RandomNumberGenerator.GetBytes(bytes);
        var secret = encoding == "hex" ? Convert.ToHexStringLower(random) : Convert.ToBase64String(random);
        var message = StartFailure(new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = secret });
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains("at least 256", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -hex 32", message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_32ByteSecretAsHexOrBase64_IsAccepted()
    {
        foreach (var secret in new[]
        {
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        })
        {
            using var provider = VaultFixture.Build(new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = secret });
            Assert.Equal("primary", provider.Vault().ActiveKeyId);
        }
    }

    [Fact]
    public void Start_OddNumberOfHexDigits_FailsSayingPartIsMissing()
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))[..63];
        var message = StartFailure(new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = secret });
        Assert.Contains("odd number of them (63)", message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_KeysEntryShortHex_FailsNamingTheKey()
    {
        var message = StartFailure(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:Keys:k2"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            ["MCPilot:Vault:ActiveKeyId"] = "k2",
        });
        Assert.Contains("MCPilot:Vault:Keys:k2 is hex of 192 bits", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_LowEntropySecret_FailsAsNotRandom()
    {
        var secret = Convert.ToBase64String(new byte[64]);
        var message = StartFailure(new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = secret });
        Assert.Contains("not random", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PassphraseSecret_FailsAsNotEncoded()
    {
        var message = StartFailure(new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = "correct horse battery staple!" });
        Assert.Contains("not base64 or hex", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SeveralKeysWithoutActiveKeyId_FailsNamingTheSetting()
    {
        var message = StartFailure(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:Keys:a"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:Keys:b"] = VaultFixture.NewSecret(),
        });
        Assert.Contains("MCPilot:Vault:ActiveKeyId is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ActiveKeyIdNotInRing_FailsNamingIt()
    {
        var message = StartFailure(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:ActiveKeyId"] = "missing",
        });
        Assert.Contains("'missing'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InvalidKeyId_FailsNamingIt()
    {
        var message = StartFailure(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:Keys:Bad Id"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:ActiveKeyId"] = "Bad Id",
        });
        Assert.Contains("key id 'Bad Id'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_KeysPrimaryClashesWithMasterSecret_Fails()
    {
        var message = StartFailure(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:Keys:primary"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:ActiveKeyId"] = "primary",
        });
        Assert.Contains("clashes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_HexSecretAndEnvironmentFallback_AreAccepted()
    {
        var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        using var viaHex = VaultFixture.Build(new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = hex });
        Assert.Equal("primary", viaHex.Vault().ActiveKeyId);

        using var viaEnvKey = VaultFixture.Build(new Dictionary<string, string?> { ["BOT_MASTER_SECRET"] = VaultFixture.NewSecret() });
        Assert.Equal("primary", viaEnvKey.Vault().ActiveKeyId);
    }

    [Fact]
    public void Start_CacheSizeOutOfRange_FailsNamingTheProperty()
    {
        var message = StartFailure(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:DerivedKeyCacheSize"] = "-1",
        });
        Assert.Contains("DerivedKeyCacheSize", message, StringComparison.Ordinal);
    }

    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var provider = VaultFixture.Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<VaultOptions>>().Value);
        return error.Message;
    }
}
