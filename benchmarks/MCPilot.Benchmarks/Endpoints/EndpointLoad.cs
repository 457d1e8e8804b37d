using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.Entities;
using MCPilot.Testing.FakeDiscord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.Benchmarks.Endpoints;

/// <summary>
/// Load tool: <c>tools/call</c> throughput and p50/p99 latency of <c>read_messages</c> and
/// <c>send_message</c> (and, to separate MCPilot's MCP cost from its Discord round trip, the
/// Discord-free <c>whoami</c>) with N concurrent MCP sessions (one entity each) over Streamable HTTP,
/// against an MCPilot host whose Discord is FakeDiscord on loopback, and a raw Kestrel endpoint in
/// the same process answering the same request with a canned response (the ceiling), in the same
/// run. FakeDiscord's rate limits are switched off, and the client's global limit and the entities'
/// send limits raised, so that the figure is MCPilot's own cost (on Discord, webhook limits of about
/// 5 posts per 2 seconds per channel cap send_message far below it). The REST client sends one
/// request at a time per rate-limit bucket (it must read each answer's headers before the next), and
/// buckets are per channel and per webhook, so the sessions share <c>--channels</c> queues; the
/// direct FakeDiscord lines (64 concurrent requests, no queue) show what the Discord side costs alone.
/// </summary>
public static class EndpointLoad
{
    private const int SeededMessages = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Option(args, "--sessions", 64);
        var seconds = Option(args, "--seconds", 10);
        var channelCount = Option(args, "--channels", 8);
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.None, RecordFromEnvironment = false });
        var demo = discord.State.SeedDemo();
        var channels = Enumerable.Range(0, channelCount).Select(i => discord.State.CreateChannel(demo.Guild.Id, $"load-{i}").Id).ToArray();
        foreach (var channel in channels)
        {
            for (var i = 0; i < SeededMessages; i++)
            {
                discord.State.PostUserMessage(channel, demo.Alice.Id, $"Seeded message {i}: a line of ordinary chat, about as long as people write.");
            }
        }

        await using var app = await StartAsync(discord);
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var registry = app.Services.GetRequiredService<EntityRegistry>();
        var keys = app.Services.GetRequiredService<EntityKeys>();
        var entities = new (EntityId Id, string Key)[sessions];
        for (var i = 0; i < sessions; i++)
        {
            var entity = await registry.CreateAsync(new Entity
            {
                Id = default,
                Name = $"Bench {i}",
                AvatarUrl = new Uri("https://avatars.example.com/bench.png"),
                Guilds = [new(demo.Guild.Id, ChannelPolicy.AllowAll)],
                RateLimits = new EntityRateLimits { SendsPerMinute = 10_000, Burst = 10_000 },
            });
            entities[i] = (entity.Id, (await keys.CreateAsync(entity.Id)).Key);
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = sessions * 2 }) { BaseAddress = baseUrl };
        Console.WriteLine($"{sessions} concurrent sessions (one entity each) over {channelCount} channels, {seconds} s per target, FakeDiscord on loopback with its rate limits off");
        var duration = TimeSpan.FromSeconds(seconds);
        var raw = await MeasureAsync(http, sessions, duration, _ => Task.FromResult(new Target(new Uri(baseUrl, "/raw"), null, null)), (t, _) => McpRequest(t, CannedCall), "You are Bench");
        var whoami = await MeasureAsync(http, sessions, duration, i => OpenAsync(http, baseUrl, entities[i]), (t, _) => McpRequest(t, CannedCall), "You are Bench");
        var readDirect = await MeasureAsync(http, sessions, duration, i => Task.FromResult(new Target(new Uri(discord.ApiBaseUrl, $"channels/{channels[i % channelCount]}/messages?limit=25"), discord.BotToken, null)), (t, _) => DiscordRequest(HttpMethod.Get, t, null), "\"content\"");
        var read = await MeasureAsync(http, sessions, duration, i => OpenAsync(http, baseUrl, entities[i]), (t, i) => McpRequest(t, Call("read_messages", $"\"channel\":\"{channels[i % channelCount]}\",\"limit\":25")), "message(s), oldest first");
        var sendCounter = 0;
        var send = await MeasureAsync(http, sessions, duration, i => OpenAsync(http, baseUrl, entities[i]), (t, i) => McpRequest(t, Call("send_message", $"\"channel\":\"{channels[i % channelCount]}\",\"content\":\"load test message {Interlocked.Increment(ref sendCounter)}\"")), "Posted as Bench");
        var sendDirect = await MeasureAsync(http, sessions, duration, i => Task.FromResult(WebhookTarget(discord, channels[i % channelCount])), (t, _) => DiscordRequest(HttpMethod.Post, t, $"{{\"content\":\"direct message {Interlocked.Increment(ref sendCounter)}\",\"username\":\"Bench\"}}"), "\"webhook_id\"");
        var rest = app.Services.GetRequiredService<IDiscordRestClient>();
        var engine = app.Services.GetRequiredService<IWebhookIdentityEngine>();
        var readClient = await MeasureCallsAsync(sessions, duration, async i => (await rest.GetMessagesAsync(channels[i % channelCount], MessageQuery.Latest(25))).Count == 25);
        var sendClient = await MeasureCallsAsync(sessions, duration, async i => (await engine.ExecuteAsIdentityAsync(channels[i % channelCount], new WebhookIdentity("Bench"), $"engine message {Interlocked.Increment(ref sendCounter)}")).Messages.Count == 1);
        Print("raw Kestrel (ceiling)", raw);
        Print("whoami (no Discord call)", whoami);
        Print("read_messages", read);
        Print("  Discord client alone", readClient);
        Print("  FakeDiscord GET direct", readDirect);
        Print("send_message", send);
        Print("  webhook engine alone", sendClient);
        Print("  FakeDiscord webhook direct", sendDirect);
        foreach (var (name, result) in new[] { ("whoami", whoami), ("read_messages", read), ("send_message", send) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {name} / raw Kestrel throughput: {result.Throughput / raw.Throughput:P1}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio read_messages / its FakeDiscord GET alone: {read.Throughput / readDirect.Throughput:P1}; send_message / its webhook execute alone: {send.Throughput / sendDirect.Throughput:P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FakeDiscord answered {discord.RequestCount} requests, {discord.TooManyRequestsCount} of them 429."));
        return raw.Errors + whoami.Errors + readDirect.Errors + readClient.Errors + read.Errors + send.Errors + sendClient.Errors + sendDirect.Errors == 0 ? 0 : 1;
    }

    private static string CannedCall => """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"whoami","arguments":{}}}""";

    private static string Call(string tool, string arguments) =>
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{" + arguments + "}}}";

    private static async Task<WebApplication> StartAsync(FakeDiscordServer discord)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        builder.Services.AddMCPilot()
            .AddInMemoryStores()
            .AddEntityEndpoints(o => o.MaxSessionsPerEntity = 10_000)
            .AddEntityDiscord(o =>
            {
                o.Token = discord.BotToken;
                o.ApiBaseUrl = discord.ApiBaseUrl;
                o.Rest.GlobalRequestsPerSecond = 100_000;
            });
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

    private static async Task<Target> OpenAsync(HttpClient http, Uri baseUrl, (EntityId Id, string Key) entity)
    {
        var endpoint = new Uri(baseUrl, $"/mcp/{entity.Id}");
        using var init = McpRequest(new Target(endpoint, entity.Key, null), """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"load","version":"1"}}}""");
        using var response = await http.SendAsync(init);
        response.EnsureSuccessStatusCode();
        var session = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = McpRequest(new Target(endpoint, entity.Key, session), """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        (await http.SendAsync(initialized)).Dispose();
        return new Target(endpoint, entity.Key, session);
    }

    private static async Task<Result> MeasureAsync(HttpClient http, int clients, TimeSpan duration, Func<int, Task<Target>> open, Func<Target, int, HttpRequestMessage> request, string expected)
    {
        var targets = await Task.WhenAll(Enumerable.Range(0, clients).Select(open));
        var latencies = new List<double>[clients];
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            var mine = latencies[i] = new List<double>(4096);
            var target = targets[i];
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var message = request(target, i);
                using var response = await http.SendAsync(message);
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || !text.Contains(expected, StringComparison.Ordinal) || text.Contains("\"isError\":true", StringComparison.Ordinal))
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.WriteLine($"first error: {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}");
                    }
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / stop.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, errors);
    }

    // The same work without HTTP or MCP in front: MCPilot's Discord client (or webhook engine) called in-process.
    private static async Task<Result> MeasureCallsAsync(int clients, TimeSpan duration, Func<int, Task<bool>> call)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            var mine = latencies[i] = new List<double>(4096);
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await call(i))
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / stop.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, errors);
    }

    private static HttpRequestMessage McpRequest(Target target, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (target.Key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Key);
        }

        if (target.Session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", target.Session);
        }

        return request;
    }

    // A request straight to FakeDiscord, as MCPilot's REST client makes it: what the Discord side costs alone.
    private static HttpRequestMessage DiscordRequest(HttpMethod method, Target target, string? body)
    {
        var request = new HttpRequestMessage(method, target.Url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (target.Key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", target.Key);
        }

        return request;
    }

    private static Target WebhookTarget(FakeDiscordServer discord, ulong channel)
    {
        var webhook = discord.State.GetWebhooks(channel).First(w => w.ApplicationId is not null);
        return new Target(new Uri(discord.ApiBaseUrl, $"webhooks/{webhook.Id}/{webhook.Token}?wait=true"), null, null);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(string name, Result r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-26} {r.Throughput,10:F0} calls/s   p50 {r.P50,7:F2} ms   p99 {r.P99,7:F2} ms   ({r.Calls} calls, {r.Errors} errors)"));

    private sealed record Target(Uri Url, string? Key, string? Session);

    private sealed record Result(double Throughput, double P50, double P99, int Calls, int Errors);
}
