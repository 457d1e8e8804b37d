using MCPilot.AspNetCore.Tests.Npm.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.AspNetCore.Tests.Npm;

/// <summary>
/// The MCP conformance suite (@modelcontextprotocol/conformance, server scenarios) against an entity
/// endpoint that serves the suite's fixture tools, prompts and resources as entity plugins. The suite
/// cannot send headers, so it uses the documented key-in-path form. Expected failures would be listed,
/// with reasons, in tests/npm/conformance-expected-failures.yml (none is); any other failure, or a
/// listed scenario that starts passing, fails this test.
/// </summary>
public sealed class ConformanceTests
{
    [Fact]
    public async Task ServerScenarios_OnlyJustifiedExpectedFailures()
    {
        await using var host = await EntityHost.StartAsync(o => o.AllowKeyInPath = true, plugins: mcpilot => mcpilot
            .AddEntityTools<ConformanceFixtureTools>()
            .AddEntityPrompts<ConformanceFixturePrompts>()
            .AddEntityResources<ConformanceFixtureResources>());
        var (entity, key) = await host.CreateEntityAsync("Conformance");
        var output = Path.Combine(Path.GetTempPath(), "mcpilot-conformance-" + Guid.NewGuid().ToString("N"));

        var (exit, stdout, stderr) = await NodeRunner.RunAsync(
            [
                NodeRunner.Bin("@modelcontextprotocol/conformance", "dist", "index.js"), "server",
                "--url", host.EntityUrl(entity.Id, "/k/" + key).ToString(),
                "--expected-failures", Path.Combine(NodeRunner.NpmDirectory, "conformance-expected-failures.yml"),
                "-o", output,
            ],
            TimeSpan.FromMinutes(5));

        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(stdout.Replace(key, "<key>", StringComparison.Ordinal));
        Assert.True(exit == 0, $"conformance exited {exit}:\n{stdout.Replace(key, "<key>", StringComparison.Ordinal)}\n{stderr.Replace(key, "<key>", StringComparison.Ordinal)}");
        Assert.Contains("Baseline check passed", stdout, StringComparison.Ordinal);
    }
}
