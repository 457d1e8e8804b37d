using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using MCPilot.Entities;
using MCPilot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.Benchmarks.Endpoints;

/// <summary>
/// Load tool: <c>tools/call</c> throughput and p50/p99 latency with N concurrent MCP sessions against
/// one entity's Streamable HTTP endpoint, and against a raw Kestrel endpoint in the same process
/// that answers the same request with a canned JSON-RPC response (the ceiling), in the same run.
/// Phase 1 calls the Discord-free <c>whoami</c> tool; phase 2 switches to read_messages and
/// send_message against FakeDiscord.
/// </summary>
public static class EndpointLoad
{
    private const string CallBody = """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"whoami","arguments":{}}}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Option(args, "--sessions", 64);
        var seconds = Option(args, "--seconds", 10);
        await using var app = await StartAsync();
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var entity = await app.Services.GetRequiredService<EntityRegistry>().CreateAsync(new Entity { Id = default, Name = "Bench", Guilds = [new(1, ChannelPolicy.AllowAll)] });
        var key = (await app.Services.GetRequiredService<EntityKeys>().CreateAsync(entity.Id)).Key;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = sessions * 2 }) { BaseAddress = baseUrl };

        Console.WriteLine($"{sessions} concurrent sessions, {seconds} s per target, tools/call whoami");
        var raw = await MeasureAsync(http, sessions, TimeSpan.FromSeconds(seconds), _ => Task.FromResult(new Uri(baseUrl, "/raw")), null);
        var mcp = await MeasureAsync(http, sessions, TimeSpan.FromSeconds(seconds), async client => await InitializeAsync(http, new Uri(baseUrl, $"/mcp/{entity.Id}"), key, client), key);
        Print("raw Kestrel (ceiling)", raw);
        Print("MCPilot entity endpoint", mcp);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (MCPilot / raw Kestrel throughput): {mcp.Throughput / raw.Throughput:P1}"));
        return mcp.Errors == 0 && raw.Errors == 0 ? 0 : 1;
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        TestServices.AddFakeStores(builder.Services, new FakeEntityStore(), new FakeCredentialStore(), new FakeMessageCounterStore(), new FakeAuditLog());
        builder.Services.AddMCPilot().AddEntityEndpoints(o => o.MaxSessionsPerEntity = 10_000);
        var app = builder.Build();
        app.MapMCPilot();
        var canned = Encoding.UTF8.GetBytes("event: message\ndata: {\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"You are Bench.\"}]},\"id\":7,\"jsonrpc\":\"2.0\"}\n\n");
        app.MapPost("/raw", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(canned);
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<Uri> InitializeAsync(HttpClient http, Uri endpoint, string key, int client)
    {
        using var init = Request(endpoint, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"load-N","version":"1"}}}""".Replace("N", client.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), key, null);
        using var response = await http.SendAsync(init);
        response.EnsureSuccessStatusCode();
        var session = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = Request(endpoint, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", key, session);
        (await http.SendAsync(initialized)).Dispose();
        return new Uri(endpoint + "#" + session);
    }

    private static async Task<Result> MeasureAsync(HttpClient http, int clients, TimeSpan duration, Func<int, Task<Uri>> open, string? key)
    {
        var targets = await Task.WhenAll(Enumerable.Range(0, clients).Select(open));
        var latencies = new List<double>[clients];
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            var mine = latencies[i] = new List<double>(4096);
            var target = targets[i];
            var session = target.Fragment.Length > 1 ? target.Fragment[1..] : null;
            var url = new Uri(target.GetLeftPart(UriPartial.Query));
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = Request(url, CallBody, key, session);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || !body.Contains("You are Bench", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / stop.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, errors);
    }

    private static HttpRequestMessage Request(Uri url, string body, string? key, string? session)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
        }

        return request;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(string name, Result r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-26} {r.Throughput,10:F0} calls/s   p50 {r.P50,7:F2} ms   p99 {r.P99,7:F2} ms   ({r.Calls} calls, {r.Errors} errors)"));

    private sealed record Result(double Throughput, double P50, double P99, int Calls, int Errors);
}
