using MCPilot.Discord.Models;

namespace MCPilot.Discord.Tests.Models;

public sealed class ReactionEmojiTests
{
    [Theory]
    [InlineData("👍", "👍", null, false)]
    [InlineData(" 1️⃣ ", "1️⃣", null, false)]
    [InlineData("name:123", "name", 123UL, false)]
    [InlineData(":name:123", "name", 123UL, false)]
    [InlineData("<:name:123>", "name", 123UL, false)]
    [InlineData("<a:party_cat:456>", "party_cat", 456UL, true)]
    public void TryParse_AcceptsWhatPeopleWrite(string text, string name, ulong? id, bool animated)
    {
        Assert.True(ReactionEmoji.TryParse(text, out var emoji));
        Assert.Equal(name, emoji.Name);
        Assert.Equal(id, emoji.Id);
        Assert.Equal(animated, emoji.Animated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("thumbsup")]
    [InlineData(":thumbsup:")]
    [InlineData("<:bad name:1>")]
    public void Parse_Rejects_WithAnExplanation(string text)
    {
        var error = Assert.Throws<FormatException>(() => ReactionEmoji.Parse(text));
        Assert.Contains("name:id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RoundTripsCustomEmoji() => Assert.Equal("<a:x:5>", ReactionEmoji.Parse("<a:x:5>").ToString());
}
