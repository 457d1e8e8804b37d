using System.Text.Json;
using MCPilot.Host.Cli;

namespace MCPilot.Host.Tests;

/// <summary>The outcome of one CLI invocation run in-process.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the host's command line in this process against <paramref name="dataDirectory"/>.</summary>
    public static async Task<CliRun> RunAsync(string dataDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HostCommandLine.RunAsync(["--data-dir", dataDirectory, .. args], output, error, TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Standard output, parsed as JSON (for <c>--json</c> runs).</summary>
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}");
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts success and returns this run.</summary>
    public CliRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}{Output}");
        return this;
    }

    /// <summary>Asserts a failure with a message on the error stream containing every fragment, and nothing on standard output.</summary>
    public CliRun Failed(params string[] fragments)
    {
        Assert.True(ExitCode == 1, $"expected exit 1, got {ExitCode}: {Output}{Error}");
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        return this;
    }
}
