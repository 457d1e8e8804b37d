namespace MCPilot.Abstractions.Tests;

public sealed class OwnerIdTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    [InlineData("ünicode")]
    public void New_InvalidValue_ThrowsNamingTheRule(string value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new OwnerId(value));
        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void New_TooLong_ThrowsWithTheLimit()
    {
        var error = Assert.Throws<ArgumentException>(() => new OwnerId(new string('a', OwnerId.MaxLength + 1)));
        Assert.Contains("128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForDiscordUser_UsesInvariantPrefixedForm_AndEqualsByValue()
    {
        Assert.Equal("discord:1234567890123", OwnerId.ForDiscordUser(1234567890123).Value);
        Assert.Equal(new OwnerId("discord:5"), OwnerId.ForDiscordUser(5));
        Assert.NotEqual(OwnerId.ForDiscordUser(5), OwnerId.ForDiscordUser(6));
        Assert.Equal("system", OwnerId.System.ToString());
    }
}
