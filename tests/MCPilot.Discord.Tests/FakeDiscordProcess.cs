using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MCPilot.Discord.Tests;

/// <summary>
/// FakeDiscord as its own process: the sample <c>samples/MCPilot.FakeDiscord</c> (built with this
/// test project, in its configuration) started with <c>dotnet exec</c> on a free port of 127.0.0.1,
/// its seeded demo world read from what it prints. Disposing kills it (and anything it started).
/// </summary>
public sealed partial class FakeDiscordProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool? _exitedWhenDisposed;

    private FakeDiscordProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, error: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The REST API base, e.g. <c>http://127.0.0.1:40123/api/v10/</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>The Gateway's WebSocket URL.</summary>
    public string GatewayUrl { get; private set; } = "";

    /// <summary>The bot token it accepts.</summary>
    public string BotToken { get; private set; } = "";

    /// <summary>The bot's user id.</summary>
    public ulong BotUserId { get; private set; }

    /// <summary>The demo guild's id (0 with <c>--no-demo</c>).</summary>
    public ulong DemoGuildId { get; private set; }

    /// <summary>The demo guild's #general.</summary>
    public ulong DemoGeneralChannelId { get; private set; }

    /// <summary>Whether the process has ended (after disposal: whether it had ended by then).</summary>
    public bool HasExited => _exitedWhenDisposed ?? _process.HasExited;

    /// <summary>Everything it printed so far (stderr lines prefixed).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Starts the sample with <c>--host 127.0.0.1 --port 0</c> and <paramref name="arguments"/>; returns once it listens.</summary>
    public static async Task<FakeDiscordProcess> StartAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["exec", SamplePath(), "--host", "127.0.0.1", "--port", "0", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var fake = new FakeDiscordProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."));
        try
        {
            await fake._started.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return fake;
        }
        catch (Exception e)
        {
            await fake.DisposeAsync();
            throw e is OperationCanceledException ? e : new InvalidOperationException($"FakeDiscord's process did not start listening. Its output:\n{string.Join('\n', fake.Output)}", e);
        }
    }

    /// <summary>Kills the process tree and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_exitedWhenDisposed is not null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already disposed, or killed but slow to be reaped: nothing more to do.
        }
        finally
        {
            _exitedWhenDisposed = _process.HasExited;
            _process.Dispose();
        }
    }

    private void OnLine(string? line, bool error)
    {
        if (line is null)
        {
            if (!error)
            {
                _started.TrySetException(new InvalidOperationException("FakeDiscord's process ended."));
            }

            return;
        }

        lock (_output)
        {
            _output.Add(error ? "stderr: " + line : line);
        }

        if (error)
        {
            return;
        }

        if (Field(line, "FakeDiscord listening on ") is { } listening)
        {
            BaseUrl = new Uri(listening);
        }
        else if (Field(line, "REST API base:") is { } api)
        {
            ApiBaseUrl = new Uri(api);
        }
        else if (Field(line, "Gateway URL:") is { } gateway)
        {
            GatewayUrl = gateway.Split(' ')[0];
        }
        else if (Field(line, "Bot token:") is { } token)
        {
            BotToken = token;
        }
        else if (Field(line, "Bot user id:") is { } user)
        {
            BotUserId = ulong.Parse(user.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        else if (DemoLine().Match(line) is { Success: true } demo)
        {
            DemoGuildId = ulong.Parse(demo.Groups["guild"].Value, CultureInfo.InvariantCulture);
            DemoGeneralChannelId = ulong.Parse(demo.Groups["general"].Value, CultureInfo.InvariantCulture);
        }
        else if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private static string? Field(string line, string label)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith(label, StringComparison.Ordinal) ? trimmed[label.Length..].Trim() : null;
    }

    /// <summary>samples/MCPilot.FakeDiscord's dll in this test's configuration and framework (…/bin/Debug/net10.0/).</summary>
    private static string SamplePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MCPilot.sln")))
            {
                var dll = Path.Combine(dir.FullName, "samples", "MCPilot.FakeDiscord", "bin", configuration, framework, "MCPilot.FakeDiscord.dll");
                return File.Exists(dll)
                    ? dll
                    : throw new InvalidOperationException($"{dll} is missing: build samples/MCPilot.FakeDiscord in {configuration} (building this test project does).");
            }
        }

        throw new InvalidOperationException("MCPilot.sln was not found above the test binaries.");
    }

    [GeneratedRegex(@"Demo guild .* \((?<guild>\d+)\): #general (?<general>\d+),")]
    private static partial Regex DemoLine();
}
