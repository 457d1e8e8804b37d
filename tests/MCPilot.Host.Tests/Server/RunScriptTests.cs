namespace MCPilot.Host.Tests.Server;

/// <summary>The README's run command, <c>./build/run.sh</c>, itself: what a user types, from a directory of their own.</summary>
public sealed class RunScriptTests : IDisposable
{
    // `dotnet run` evaluates the project before it starts the host: generous, for a loaded machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly TestDataDirectory _work = new();

    [Fact]
    public async Task RunScript_Playground_ReadyThenStopsCleanlyOnSigterm()
    {
        // A relative data directory is the caller's, not samples/MCPilot.Host's (where `dotnet run` starts the host).
        using var host = HostExecutable.StartRunScript(_work.Path, "--urls=http://127.0.0.1:0", "--data-dir", "run-data");
        var dataDirectory = _work.File("run-data");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var url = await HostExecutableTests.WaitForAsync(() => HostExecutableTests.ReadUrl(dataDirectory), host, StartTimeout);
        var ready = await HostExecutableTests.WaitForAsync(() => HostExecutableTests.TryGetAsync(http, new Uri(url, "readyz")), host, StartTimeout);
        await HostExecutableTests.WaitForAsync(async () => await HostExecutableTests.TryGetAsync(http, new Uri(url, "readyz")) is "Healthy" ? "" : null, host, StartTimeout);

        Assert.NotNull(ready);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "mcpilot.db")));
        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.False(File.Exists(Path.Combine(dataDirectory, "host.json")), "The host removes host.json when it stops.");
        Assert.DoesNotContain("   at ", host.Output + host.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunScript_NoDataDirectory_UsesDataInTheCallersDirectory()
    {
        using var run = HostExecutable.StartRunScript(_work.Path, "entities", "create", "Ada", "--json");
        var exit = await run.WaitForExitAsync(StartTimeout);

        Assert.True(exit == 0, run.Error);
        Assert.StartsWith("{", run.Output.TrimStart(), StringComparison.Ordinal);
        var listed = (await CliRun.RunAsync(_work.File("data"), "entities", "list", "--json")).Json();
        Assert.Equal(["Ada"], listed.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    public void Dispose() => _work.Dispose();
}
