using MCPilot.AspNetCore.Tests.Npm;
using MCPilot.Host.Playground;

namespace MCPilot.Host.Tests.Playground;

public sealed class PlaygroundBannerTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task InspectorCommand_AsPrinted_ListsTheDemoEntitysTools()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        var banner = await PlaygroundTests.WaitForBannerAsync(host);
        var command = banner.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("npx @modelcontextprotocol/inspector --cli", StringComparison.Ordinal));

        var arguments = ShellWords(command).Skip(2).ToList();
        var (exit, output, error) = await NodeRunner.RunAsync([NodeRunner.Bin("@modelcontextprotocol/inspector", "clients", "launcher", "build", "index.js"), .. arguments], TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, $"inspector exited {exit}: {output} {error}");
        Assert.Contains("\"whoami\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ada", "mcpilot-ada")]
    [InlineData("Ada Lovelace (v2)", "mcpilot-ada-lovelace-v2")]
    [InlineData("Zoë", "mcpilot-zo")]
    public void ServerName_IsASlugOfTheEntityName(string name, string expected) =>
        Assert.Equal(expected, PlaygroundBanner.ServerName(name));

    public void Dispose() => _data.Dispose();

    /// <summary>Splits a command line as a POSIX shell does for words and double quotes.</summary>
    private static IEnumerable<string> ShellWords(string command)
    {
        var word = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in command)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
