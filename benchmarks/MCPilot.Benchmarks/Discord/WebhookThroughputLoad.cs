using System.Diagnostics;
using System.Globalization;
using System.Text;
using MCPilot.Discord.Webhooks;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Benchmarks.Discord;

/// <summary>
/// Load tool: N webhook executions across C channels and I identities through MCPilot's webhook
/// identity engine, against FakeDiscord enforcing Discord's limits (5 per 2 s per webhook, 50
/// per second globally). It reports the elapsed time against the minimum those limits allow
/// (computed, and measured in the same run by an oracle pacer that knows the limits and sends
/// each window's requests at once), and the count of 429s (the target is 0).
/// </summary>
public static class WebhookThroughputLoad
{
    public const string Command = "discord-webhooks";

    public static async Task<int> RunAsync(string[] args)
    {
        var executions = Option(args, "--executions", 1000);
        var channels = Option(args, "--channels", 5);
        var identities = Option(args, "--identities", 10);
        var limits = new FakeDiscordRateLimits();
        var perWebhook = (int)Math.Ceiling(executions / (double)channels);
        var windows = (int)Math.Ceiling(perWebhook / (double)limits.WebhookExecute.Limit);
        var minimum = limits.WebhookExecute.Period * (windows - 1);
        Console.WriteLine($"{executions} webhook executions, {channels} channels, {identities} identities; FakeDiscord enforces {limits.WebhookExecute.Limit} per {limits.WebhookExecute.Period.TotalSeconds:0.##} s per webhook and {limits.Global.Limit} per second globally.");
        Console.WriteLine($"Minimum the limits allow: {minimum.TotalSeconds:0.00} s ({windows} windows per webhook).");

        var oracle = await MeasureOracleAsync(executions, channels);
        Console.WriteLine($"Oracle pacer (raw HttpClient, knows the limits): {oracle.Elapsed.TotalSeconds:0.00} s, 429s: {oracle.TooMany}");

        var (elapsed, tooMany, posted) = await MeasureMCPilotAsync(executions, channels, identities);
        Console.WriteLine($"MCPilot webhook identity engine: {elapsed.TotalSeconds:0.00} s, 429s: {tooMany}, messages posted: {posted}");
        Console.WriteLine($"Ratio to the computed minimum: {elapsed / minimum:0.000}");
        Console.WriteLine($"Ratio to the oracle pacer:     {elapsed / oracle.Elapsed:0.000}");
        return tooMany == 0 && posted == executions ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, long TooMany, int Posted)> MeasureMCPilotAsync(int executions, int channelCount, int identityCount)
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecordFromEnvironment = false });
        var guild = fake.State.CreateGuild("Benchmark");
        var channels = Enumerable.Range(0, channelCount).Select(i => fake.State.CreateChannel(guild.Id, $"bench-{i}").Id).ToArray();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMCPilot().AddDiscordRest(o =>
        {
            o.Token = fake.BotToken;
            o.ApiBaseUrl = fake.ApiBaseUrl;
            o.Rest.MaxRateLimitWait = TimeSpan.FromMinutes(10);
        });
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IWebhookIdentityEngine>();
        var identities = Enumerable.Range(0, identityCount).Select(i => new WebhookIdentity($"Entity {i}", $"https://example.com/avatars/{i}.png")).ToArray();

        var clock = Stopwatch.StartNew();
        var posts = Enumerable.Range(0, executions).Select(i => engine.ExecuteAsIdentityAsync(channels[i % channelCount], identities[i % identityCount], $"message {i}"));
        await Task.WhenAll(posts);
        clock.Stop();
        return (clock.Elapsed, fake.TooManyRequestsCount, channels.Sum(c => fake.State.GetMessages(c).Count));
    }

    /// <summary>The floor on this machine: per webhook, each window's five requests at once, then a wait for the reset the headers announce.</summary>
    private static async Task<(TimeSpan Elapsed, long TooMany)> MeasureOracleAsync(int executions, int channelCount)
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecordFromEnvironment = false });
        var guild = fake.State.CreateGuild("Oracle");
        var hooks = Enumerable.Range(0, channelCount).Select(i => fake.State.CreateUserWebhook(fake.State.CreateChannel(guild.Id, $"oracle-{i}").Id, "oracle")).ToArray();
        using var http = new HttpClient { BaseAddress = fake.ApiBaseUrl };
        var limit = new FakeDiscordRateLimits().WebhookExecute.Limit;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(hooks.Select(async (hook, index) =>
        {
            var count = executions / channelCount + (index < executions % channelCount ? 1 : 0);
            for (var sent = 0; sent < count; sent += limit)
            {
                var batch = Enumerable.Range(sent, Math.Min(limit, count - sent)).Select(i => PostUntilAcceptedAsync(http, hook, i));
                var resets = await Task.WhenAll(batch);
                if (sent + limit < count)
                {
                    // Timers may fire a hair early: wait until the announced reset has really passed.
                    var deadline = Stopwatch.GetTimestamp() + (long)(resets.Max() * Stopwatch.Frequency);
                    while (Stopwatch.GetTimestamp() < deadline)
                    {
                        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline));
                    }
                }
            }
        }));
        clock.Stop();
        return (clock.Elapsed, fake.TooManyRequestsCount);
    }

    /// <summary>Posts one execution (retrying after a 429, which the oracle should never get) and returns the announced reset.</summary>
    private static async Task<double> PostUntilAcceptedAsync(HttpClient http, FakeWebhook hook, int i)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/{hook.Id}/{hook.Token}?wait=true")
            {
                Content = new StringContent($"{{\"content\":\"message {i}\",\"username\":\"Entity\"}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/mcpilot/mcpilot, 0.1.0)");
            using var response = await http.SendAsync(request);
            var reset = response.Headers.TryGetValues("X-RateLimit-Reset-After", out var values) ? double.Parse(values.First(), CultureInfo.InvariantCulture) : 0;
            if ((int)response.StatusCode != 429)
            {
                return reset;
            }

            await Task.Delay(TimeSpan.FromSeconds(reset));
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
