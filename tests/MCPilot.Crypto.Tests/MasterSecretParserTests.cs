using System.Security.Cryptography;

namespace MCPilot.Crypto.Tests;

/// <summary>The rule that decides hex or base64 (documented on <see cref="MasterSecretParser"/>).</summary>
public sealed class MasterSecretParserTests
{
    [Fact]
    public void TryDecode_OpensslRandBase64Of32_IsNeverMisreadAsHex()
    {
        // `openssl rand -base64 32` prints 44 characters ending in '='; it always has a non-hex character.
        for (var i = 0; i < 2000; i++)
        {
            var bytes = RandomNumberGenerator.GetBytes(32);
            var secret = Convert.ToBase64String(bytes) + "\n";

            var decoded = MasterSecretParser.TryDecode(secret, "test", out var error);

            Assert.Null(error);
            Assert.Equal(bytes, decoded);
        }
    }

    [Theory]
    [InlineData(32)]
    [InlineData(48)]
    [InlineData(64)]
    public void TryDecode_HexOf32BytesOrMore_DecodesAsHex(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);

        Assert.Equal(bytes, MasterSecretParser.TryDecode(Convert.ToHexStringLower(bytes), "test", out _));
        Assert.Equal(bytes, MasterSecretParser.TryDecode(" " + Convert.ToHexString(bytes) + " ", "test", out _));
    }

    [Fact]
    public void TryDecode_UrlSafeBase64WithoutPadding_IsAccepted()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);

        Assert.Equal(bytes, MasterSecretParser.TryDecode(System.Buffers.Text.Base64Url.EncodeToString(bytes), "test", out _));
    }

    [Fact]
    public void TryDecode_Base64ThatIsAllHexDigits_IsReadAsHexAndJudgedByItsHexLength()
    {
        // 44 hex digits are also valid base64 (33 bytes); the rule reads them as hex: 22 bytes, too weak.
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(22));
        Assert.Equal(44, secret.Length);

        Assert.Null(MasterSecretParser.TryDecode(secret, "test", out var error));
        Assert.Contains("is hex of 176 bits", error, StringComparison.Ordinal);
    }
}
