using MCPilot.Discord.Webhooks;

namespace MCPilot.Discord.Tests.Webhooks;

public sealed class WebhookNamesTests
{
    [Theory]
    [InlineData("Nova", "Nova")]
    [InlineData("  Nova   the\tBright  ", "Nova the Bright")]
    [InlineData("My DISCORD pal", "My D\u200AISCORD pal")]
    [InlineData("Clyde and discord", "C\u200Alyde and d\u200Aiscord")]
    [InlineData("everyone", "e\u200Averyone")]
    [InlineData("Here", "H\u200Aere")]
    [InlineData("a```b", "a`\u200A`\u200A`b")]
    [InlineData("Zero\u200Bwidth\u202Espoof", "Zerowidthspoof")]
    [InlineData("👨‍👩‍👧 family", "👨‍👩‍👧 family")]
    [InlineData("X", "X")]
    public void Sanitize_MakesNamesDiscordAccepts(string name, string expected) => Assert.Equal(expected, WebhookNames.Sanitize(name));

    [Fact]
    public void Sanitize_LongName_IsCutTo80WithoutSplittingASurrogatePair()
    {
        var name = new string('a', 78) + "😀😀😀";
        var sanitized = WebhookNames.Sanitize(name);
        Assert.True(sanitized.Length <= WebhookNames.MaxLength);
        Assert.EndsWith("…", sanitized, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(sanitized[^2]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u2060")]
    public void Sanitize_NothingVisible_Throws(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => WebhookNames.Sanitize(name));
        Assert.Contains("1 to 80", error.Message, StringComparison.Ordinal);
    }
}
