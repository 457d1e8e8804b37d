using System.Text.Json.Nodes;
using MCPilot.Host.Playground;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Tests.Playground;

public sealed class PlaygroundCommandTextTests
{
    private static readonly FakeCommand[] Commands =
    [
        Command("talk", """[{"name":"entity","type":3}]"""),
        Command("roll", """[{"name":"sides","type":4,"required":true},{"name":"note","type":3},{"name":"loud","type":5},{"name":"bias","type":10}]"""),
    ];

    [Fact]
    public void Parse_ValueWithSpacesAndColons_RunsToTheNextOption()
    {
        var (name, options) = PlaygroundCommandText.Parse("/roll note: at 10:30, for Ada  sides:20 loud:true bias:-0.5", Commands);

        Assert.Equal("roll", name);
        Assert.Equal("at 10:30, for Ada", options["note"]);
        Assert.Equal(20L, options["sides"]);
        Assert.Equal(true, options["loud"]);
        Assert.Equal(-0.5, options["bias"]);
    }

    [Theory]
    [InlineData("/roll", "/roll needs sides:<value>.")]
    [InlineData("/roll sides:many", "/roll sides: \"many\" is not a whole number.")]
    [InlineData("/roll sides:6 loud:yes", "/roll loud: \"yes\" is not true or false.")]
    [InlineData("/talk entity:", "/talk entity: \"\" is not a value.")]
    [InlineData("/", "A command starts with / and its name")]
    public void Parse_Mistyped_SaysWhatToType(string text, string expected)
    {
        var error = Assert.Throws<PlaygroundCommandException>(() => PlaygroundCommandText.Parse(text, Commands));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    private static FakeCommand Command(string name, string options) =>
        new(1, null, name, new JsonObject { ["name"] = name, ["options"] = JsonNode.Parse(options) }, 1);
}
