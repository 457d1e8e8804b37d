using MCPilot.Activity;
using MCPilot.Tools;

namespace MCPilot.Tests.Tools;

public sealed class ToolArgumentsTests
{
    [Theory]
    [InlineData("1234567890123456789", 1234567890123456789ul)]
    [InlineData(" 42 ", 42ul)]
    [InlineData("<#1234567890123456789>", 1234567890123456789ul)]
    [InlineData("<@!77>", 77ul)]
    [InlineData("<@&78>", 78ul)]
    public void Id_AcceptedForms_Parsed(string value, ulong expected) => Assert.Equal(expected, ToolArguments.Id(value, "channel", "channel or thread"));

    [Theory]
    [InlineData("general")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("123456789012345678901")]
    [InlineData("18446744073709551616")]
    public void Id_NotASnowflake_ErrorNamesArgumentAndShowsTheForm(string value)
    {
        var error = Assert.Throws<EntityToolException>(() => ToolArguments.Id(value, "channel", "channel or thread"));

        Assert.Equal(ToolCallOutcome.InvalidArguments, error.Outcome);
        Assert.StartsWith("'channel' must be the id of a channel or thread", error.Message, StringComparison.Ordinal);
        Assert.Contains("list_channels shows the ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_Missing_ErrorSaysItIsRequired()
    {
        Assert.Contains("'message' is required", Assert.Throws<EntityToolException>(() => ToolArguments.Id(" ", "message", "message")).Message, StringComparison.Ordinal);
        Assert.Null(ToolArguments.OptionalId(null, "before", "message"));
    }

    [Fact]
    public void Count_OutOfRange_ErrorGivesTheRange() =>
        Assert.Equal("'limit' must be from 1 to 100 (got 500).", Assert.Throws<EntityToolException>(() => ToolArguments.Count(500, "limit", 100)).Message);

    [Fact]
    public void Content_TooLong_ErrorGivesBothLengths() =>
        Assert.Equal("'content' is 11 characters long; at most 10 can be sent at once. Shorten it, or send it in several calls.", Assert.Throws<EntityToolException>(() => ToolArguments.Content("hello world", "content", 10)).Message);
}
