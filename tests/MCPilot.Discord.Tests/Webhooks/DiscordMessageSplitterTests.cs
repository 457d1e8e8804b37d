using MCPilot.Discord.Webhooks;

namespace MCPilot.Discord.Tests.Webhooks;

public sealed class DiscordMessageSplitterTests
{
    [Fact]
    public void Split_ShortContent_IsOnePart() => Assert.Equal(["hello"], DiscordMessageSplitter.Split("hello"));

    [Fact]
    public void Split_PrefersParagraphBreaks()
    {
        var first = new string('a', 1200);
        var second = new string('b', 1200);
        Assert.Equal([first, second], DiscordMessageSplitter.Split(first + "\n\n" + second));
    }

    [Fact]
    public void Split_FallsBackToLinesThenWords()
    {
        var lines = string.Join('\n', Enumerable.Repeat(new string('l', 99), 30));
        var parts = DiscordMessageSplitter.Split(lines, 1000);
        Assert.All(parts, p => Assert.True(p.Length <= 1000));
        Assert.Equal(lines.Replace("\n", "", StringComparison.Ordinal), string.Concat(parts).Replace("\n", "", StringComparison.Ordinal));

        var words = string.Join(' ', Enumerable.Repeat("word", 600));
        var wordParts = DiscordMessageSplitter.Split(words, 500);
        Assert.All(wordParts, p => Assert.True(p.Length <= 500 && !p.StartsWith(' ') && p.EndsWith("word", StringComparison.Ordinal)));
        Assert.Equal(600, wordParts.Sum(p => p.Split(' ').Length));
    }

    [Fact]
    public void Split_CodeBlockThatFits_MovesWholeToTheNextPart()
    {
        var prose = string.Join(' ', Enumerable.Repeat("text", 320));
        var code = "```py\n" + string.Join('\n', Enumerable.Range(0, 50).Select(i => $"print({i})")) + "\n```";
        var parts = DiscordMessageSplitter.Split(prose + "\n" + code, 2000);
        Assert.Equal(2, parts.Count);
        Assert.Equal(prose, parts[0]);
        Assert.Equal(code, parts[1]);
    }

    [Fact]
    public void Split_CodeBlockLongerThanAMessage_IsClosedAndReopenedWithItsLanguage()
    {
        var code = "```cs\n" + string.Join('\n', Enumerable.Range(0, 300).Select(i => $"Console.WriteLine({i});")) + "\n```";
        var parts = DiscordMessageSplitter.Split(code, 2000);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 2000);
            Assert.StartsWith("```cs\n", p, StringComparison.Ordinal);
            Assert.EndsWith("```", p, StringComparison.Ordinal);
        });
        var lines = parts.SelectMany(p => p.Split('\n')).Where(l => !l.StartsWith("```", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"Console.WriteLine({i});"), lines);
    }

    [Fact]
    public void Split_UnbrokenText_IsCutWithoutSplittingSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1500));
        var parts = DiscordMessageSplitter.Split(text, 2000);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }
}
