using System.Diagnostics;
using System.Text;

namespace MCPilot.Host.Tests;

/// <summary>The built host executable (samples/MCPilot.Host/bin/…/MCPilot.Host.dll), run as its own process with a clean environment.</summary>
public sealed class HostExecutable : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private HostExecutable(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll { get; } = FindDll();

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static HostExecutable Start(string workingDirectory, params string[] args) => Launch(workingDirectory, "dotnet", [Dll, .. args]);

    /// <summary>
    /// Runs the README's command, <c>build/run.sh</c>, from <paramref name="workingDirectory"/>: it
    /// <c>dotnet run</c>s the host of this test run's configuration without building it again (the
    /// solution is built before the tests run).
    /// </summary>
    public static HostExecutable StartRunScript(string workingDirectory, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Launch(workingDirectory, "bash", [RunScript, .. args], ("MCPILOT_RUN_CONFIGURATION", configuration), ("MCPILOT_RUN_NO_BUILD", "1"));
    }

    /// <summary>The repository's build/run.sh.</summary>
    public static string RunScript { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Dll)!, "..", "..", "..", "..", "..", "build", "run.sh"));

    private static HostExecutable Launch(string workingDirectory, string program, IEnumerable<string> args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // The host must not pick up a developer's real token, secret or data directory.
        foreach (var name in new[] { "DISCORD_TOKEN", "BOT_MASTER_SECRET", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Host__DataDirectory" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new HostExecutable(Process.Start(start)!);
    }

    /// <summary>Runs a command to completion.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var run = Start(workingDirectory, args);
        await run.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (run._process.ExitCode, run.Output, run.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Asks the host to stop as a service manager would (SIGTERM).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is not null)
        {
            lock (buffer)
            {
                buffer.AppendLine(line);
            }
        }
    }

    /// <summary>The host's own build output, in the configuration this test assembly was built in.</summary>
    private static string FindDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "MCPilot.Host", "bin", configuration, framework, "MCPilot.Host.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The built host (samples/MCPilot.Host/bin/{configuration}/{framework}/MCPilot.Host.dll) was not found above {AppContext.BaseDirectory}: build the solution first.");
    }
}
