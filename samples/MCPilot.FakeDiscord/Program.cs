using System.Globalization;
using MCPilot.Testing.FakeDiscord;

// FakeDiscord as its own process, so that any Discord client can be pointed at it:
//   dotnet run --project samples/MCPilot.FakeDiscord -- --port 5181 [--host 127.0.0.1] [--token T] [--no-demo] [--no-limits] [--record FILE]
//     [--shards 1] [--max-concurrency 1] [--heartbeat-ms 41250] [--privileged-intents all|none|message_content,guild_members,guild_presences]
var options = new FakeDiscordOptions { Port = 5181 };
var seedDemo = true;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port": options.Port = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--host": options.Host = Value(); break;
        case "--token": options.BotToken = Value(); break;
        case "--record": options.RecordPath = Value(); break;
        case "--no-demo": seedDemo = false; break;
        case "--no-limits": options.RateLimits = FakeDiscordRateLimits.None; break;
        case "--shards": options.Gateway.RecommendedShards = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--max-concurrency": options.Gateway.MaxConcurrency = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--heartbeat-ms": options.Gateway.HeartbeatInterval = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--privileged-intents": options.Gateway.EnabledPrivilegedIntents = ParseIntents(Value()); break;
        case "--help" or "-h":
            Console.WriteLine("usage: MCPilot.FakeDiscord [--port 5181] [--host 127.0.0.1] [--token TOKEN] [--no-demo] [--no-limits] [--record FILE]");
            Console.WriteLine("                          [--shards 1] [--max-concurrency 1] [--heartbeat-ms 41250] [--privileged-intents all|none|message_content,guild_members,guild_presences]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Try --help.");
            return 2;
    }
}

await using var server = await FakeDiscordServer.StartAsync(options);
Console.WriteLine($"FakeDiscord listening on {server.BaseUrl}");
Console.WriteLine($"  REST API base: {server.ApiBaseUrl}");
Console.WriteLine($"  Gateway URL:   {server.GatewayUrl} (v10 JSON; {options.Gateway.RecommendedShards} shard(s) recommended, max_concurrency {options.Gateway.MaxConcurrency}, privileged intents enabled: {options.Gateway.EnabledPrivilegedIntents})");
Console.WriteLine($"  Bot token:     {server.BotToken}");
Console.WriteLine($"  Bot user id:   {server.State.BotUser.Id} (application id {server.State.ApplicationId})");
if (server.RecordingPath is { } recording)
{
    Console.WriteLine($"  Recording to:  {recording}");
}

if (seedDemo)
{
    var demo = server.State.SeedDemo();
    Console.WriteLine($"  Demo guild {demo.Guild.Name} ({demo.Guild.Id}): #general {demo.General.Id}, #random {demo.Random.Id}, thread {demo.Thread.Id}, forum #ideas {demo.Forum.Id}");
}

Console.WriteLine("Press Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;

static FakePrivilegedIntents ParseIntents(string value) => value.Trim().ToLowerInvariant() switch
{
    "all" => FakePrivilegedIntents.All,
    "none" => FakePrivilegedIntents.None,
    var list => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Aggregate(FakePrivilegedIntents.None, (all, name) => all | name switch
    {
        "message_content" => FakePrivilegedIntents.MessageContent,
        "guild_members" => FakePrivilegedIntents.GuildMembers,
        "guild_presences" => FakePrivilegedIntents.GuildPresences,
        _ => throw new ArgumentException($"Unknown privileged intent '{name}': use message_content, guild_members or guild_presences (or all, none)."),
    }),
};
