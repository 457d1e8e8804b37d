using MCPilot.AspNetCore.Tests.Npm;
using MCPilot.Host.Playground;

namespace MCPilot.Host.Tests.Playground;

public sealed class PlaygroundBannerTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task InspectorCommands_AsPrinted_ListTheDemoEntitysTools()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        var banner = await PlaygroundTests.WaitForBannerAsync(host);
        var commands = banner.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("npx @modelcontextprotocol/inspector --cli", StringComparison.Ordinal)).ToList();

        // The command line with the URL and header, and the one with the configuration file the host wrote.
        Assert.Equal(2, commands.Count);
        Assert.Single(commands, c => c.Contains($"--config {_data.File("inspector.json")} --server mcpilot-ada", StringComparison.Ordinal));
        foreach (var command in commands)
        {
            var arguments = ShellWords(command).Skip(2).ToList();
            var (exit, output, error) = await NodeRunner.RunAsync([NodeRunner.Bin("@modelcontextprotocol/inspector", "clients", "launcher", "build", "index.js"), .. arguments], TimeSpan.FromMinutes(1));

            Assert.True(exit == 0, $"{command}: inspector exited {exit}: {output} {error}");
            Assert.Contains("\"whoami\"", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/srv/mcpilot/data/inspector.json", "/srv/mcpilot/data/inspector.json")]
    [InlineData("/home/me/My Data/inspector.json", "\"/home/me/My Data/inspector.json\"")]
    [InlineData("/tmp/a$b\"c/inspector.json", "\"/tmp/a\\$b\\\"c/inspector.json\"")]
    public void ShellWord_QuotesOnlyWhenNeeded(string path, string expected) =>
        Assert.Equal(expected, PlaygroundBanner.ShellWord(path));

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
