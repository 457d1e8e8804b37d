using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MCPilot.Host.Tests.Server;

/// <summary>The built executable, as `./build/run.sh` runs it on a fresh machine: its own process, a fresh working directory.</summary>
public sealed class HostExecutableTests : IDisposable
{
    private readonly TestDataDirectory _work = new();

    [Fact]
    public async Task EntitiesListJson_FreshDirectory_PrintsAnEmptyArray()
    {
        var (exit, output, error) = await HostExecutable.RunAsync(_work.Path, "entities", "list", "--json");

        Assert.True(exit == 0, error);
        Assert.Equal("[]", output.Trim());
        Assert.True(File.Exists(Path.Combine(_work.Path, "data", "mcpilot.db")));
    }

    [Fact]
    public async Task Start_FreshDirectory_ReachesThePlaygroundAndStopsCleanly()
    {
        var clock = Stopwatch.StartNew();
        using var host = HostExecutable.Start(_work.Path, "--urls", "http://127.0.0.1:0");
        var dataDirectory = Path.Combine(_work.Path, "data");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var url = await WaitForAsync(() => ReadUrl(dataDirectory), host);
        await WaitForAsync(async () => (await TryGetAsync(http, new Uri(url, "readyz"))) == "Healthy" ? url : null, host);
        var ready = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"Start-up to ready (playground, fresh data directory, process start to /readyz 200): {ready.TotalMilliseconds:F0} ms");

        await WaitForAsync(() => Task.FromResult(host.Output.Contains("Manage entities and keys", StringComparison.Ordinal) ? url : null), host);
        var key = host.Output.Split('\n').Single(l => l.TrimStart().StartsWith("API key", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var mcpUrl = host.Output.Split('\n').Single(l => l.TrimStart().StartsWith("MCP URL", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        using var initialize = new HttpRequestMessage(HttpMethod.Post, mcpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""", Encoding.UTF8, "application/json"),
        };
        initialize.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        initialize.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var response = await http.SendAsync(initialize, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {host.Output}{host.Error}");
        Assert.DoesNotContain(key, host.Error, StringComparison.Ordinal);

        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(File.Exists(Path.Combine(dataDirectory, "host.json")));
    }

    [Fact]
    public async Task Start_BadListener_ExitsOneNamingTheSetting()
    {
        var (exit, _, error) = await HostExecutable.RunAsync(_work.Path, "--urls", "nonsense");

        Assert.Equal(1, exit);
        Assert.Contains("urls: 'nonsense' is not a listening address", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Dispose();

    internal static Task<Uri?> ReadUrl(string dataDirectory)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataDirectory, "host.json")));
            return Task.FromResult<Uri?>(new Uri(document.RootElement.GetProperty("url").GetString()!));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return Task.FromResult<Uri?>(null);
        }
    }

    internal static async Task<string?> TryGetAsync(HttpClient http, Uri url)
    {
        try
        {
            return await http.GetStringAsync(url, TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    internal static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, HostExecutable host, TimeSpan? timeout = null)
        where T : class
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.False(host.HasExited, $"The host exited: {host.Output}{host.Error}");
            try
            {
                await Task.Delay(25, cancel.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The host did not get there within {timeout ?? TimeSpan.FromSeconds(60)}: {host.Output}{host.Error}");
            }
        }
    }
}
