using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

/// <summary>samples/MCPilot.FakeDiscord: FakeDiscord as its own process, for any Discord client.</summary>
public sealed class FakeDiscordProcessTests
{
    private const string Token = "RmFrZURpc2NvcmRQcm9jZXNz.AAAAAA.process-smoke-test-token-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_OnAChosenPortWithAToken_ServesItAndRecordsToTheFileTheEnvironmentNames()
    {
        var port = FreePort();
        var recording = Path.Combine(Path.GetTempPath(), $"fakediscord-process-{Guid.NewGuid():N}.jsonl");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MCPilot.FakeDiscord.dll"));
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--token", Token, "--no-limits" })
        {
            start.ArgumentList.Add(arg);
        }

        // The file form of the recording switch; the directory form (set by build/test.sh) must not compete.
        start.Environment[FakeDiscordOptions.RecordFileEnvironmentVariable] = recording;
        start.Environment.Remove(FakeDiscordOptions.RecordDirectoryEnvironmentVariable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        try
        {
            var listening = await ReadUntilAsync(process, "FakeDiscord listening on ");
            Assert.Equal($"FakeDiscord listening on http://127.0.0.1:{port}/", listening);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/v10/") };
            using var authorized = new HttpRequestMessage(HttpMethod.Get, "users/@me");
            authorized.Headers.TryAddWithoutValidation("Authorization", "Bot " + Token);
            authorized.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.com/tests, 1.0)");
            using var me = await http.SendAsync(authorized, Ct);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            var user = JsonNode.Parse(await me.Content.ReadAsStringAsync(Ct))!;
            Assert.True(user["bot"]!.GetValue<bool>());

            using var anonymous = await http.GetAsync(new Uri("users/@me", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            // Each exchange is written and flushed before its answer goes out.
            var exchanges = (await File.ReadAllLinesAsync(recording, Ct)).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal([200, 401], exchanges.Select(e => e["status"]!.GetValue<int>()));
            Assert.All(exchanges, e => Assert.Equal("/api/v10/users/@me", e["path"]!.GetValue<string>()));
            Assert.Equal("Bot <redacted>", exchanges[0]["request_headers"]!["Authorization"]!.GetValue<string>());
            Assert.DoesNotContain(Token, await File.ReadAllTextAsync(recording, Ct), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            File.Delete(recording);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Reads the process's output until a line starts with <paramref name="prefix"/>, and returns that line.</summary>
    private static async Task<string> ReadUntilAsync(Process process, string prefix)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        await process.WaitForExitAsync(Ct);
        Assert.Fail($"FakeDiscord exited ({process.ExitCode}) before listening: {await process.StandardError.ReadToEndAsync(Ct)}");
        return "";
    }
}
