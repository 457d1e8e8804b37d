namespace MCPilot.Crypto.Tests;

public sealed class ApiKeysTests
{
    [Fact]
    public void Generate_HasRecognisablePrefixAndLookupId()
    {
        var key = ApiKeys.Generate();

        Assert.StartsWith("mcpk_" + key.LookupId + "_", key.Key, StringComparison.Ordinal);
        Assert.True(ApiKeys.TryGetLookupId(key.Key, out var lookup));
        Assert.Equal(key.LookupId, lookup);
        Assert.DoesNotContain(key.Key, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_1000Keys_AreUnique()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeys.Generate()).ToList();
        Assert.Equal(1000, keys.Select(k => k.Key).Distinct().Count());
        Assert.Equal(1000, keys.Select(k => k.LookupId).Distinct().Count());
    }

    [Fact]
    public void Verify_RightKeyPasses_AnyChangeFails()
    {
        var key = ApiKeys.Generate();

        Assert.True(ApiKeys.Verify(key.Key, key.Hash));
        Assert.False(ApiKeys.Verify(key.Key[..^1] + (key.Key[^1] == 'A' ? 'B' : 'A'), key.Hash));
        Assert.False(ApiKeys.Verify(ApiKeys.Generate().Key, key.Hash));
        Assert.False(ApiKeys.Verify(null, key.Hash));
        Assert.False(ApiKeys.Verify(key.Key, key.Hash.AsSpan(0, 16)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer something")]
    [InlineData("mcpk_short_abc")]
    [InlineData("mcpk_abcdefghijkm_tooShort")]
    [InlineData("MCPK_abcdefghijkm_0123456789012345678901234567890123456789012")]
    public void TryGetLookupId_NotAKey_ReturnsFalse(string? presented)
    {
        Assert.False(ApiKeys.TryGetLookupId(presented, out _));
    }

    [Fact]
    public void Generate_BadKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => ApiKeys.Generate("X"));
        Assert.Equal("adm", ApiKeys.Generate("adm").Key[..3]);
    }
}
