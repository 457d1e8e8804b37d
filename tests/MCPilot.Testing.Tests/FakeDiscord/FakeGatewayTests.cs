using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

public sealed class FakeGatewayTests
{
    private static Task<FakeDiscordServer> StartAsync(Action<FakeDiscordOptions>? configure = null)
    {
        var options = new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.None, RecordFromEnvironment = false };
        options.Gateway.HeartbeatInterval = TimeSpan.FromSeconds(5);
        options.Gateway.IdentifyInterval = TimeSpan.Zero;
        configure?.Invoke(options);
        return FakeDiscordServer.StartAsync(options, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Identify_HelloReadyGuildCreateHeartbeatAck()
    {
        await using var server = await StartAsync();
        var demo = server.State.SeedDemo();
        await using var gateway = await RawGatewayClient.ConnectAsync(server);
        var hello = (await gateway.ReceiveAsync())!;
        Assert.Equal(10, hello["op"]!.GetValue<int>());
        Assert.Equal(5000, hello["d"]!["heartbeat_interval"]!.GetValue<int>());

        await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken));
        var ready = (await gateway.ReceiveAsync())!;
        Assert.Equal(("READY", 1), (ready["t"]!.GetValue<string>(), ready["s"]!.GetValue<int>()));
        Assert.Equal(server.State.BotUser.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ready["d"]!["user"]!["id"]!.GetValue<string>());
        Assert.EndsWith("/resume", ready["d"]!["resume_gateway_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(ready["d"]!["guilds"]![0]!["unavailable"]!.GetValue<bool>());
        var guild = (await gateway.ReceiveAsync())!;
        Assert.Equal(("GUILD_CREATE", 2), (guild["t"]!.GetValue<string>(), guild["s"]!.GetValue<int>()));
        Assert.Equal(demo.Guild.Name, guild["d"]!["name"]!.GetValue<string>());
        Assert.Equal(3, guild["d"]!["channels"]!.AsArray().Count);
        Assert.Equal(2, guild["d"]!["threads"]!.AsArray().Count);

        await gateway.SendAsync(new { op = 1, d = 2 });
        Assert.Equal(11, (await gateway.ReceiveAsync())!["op"]!.GetValue<int>());
    }

    [Fact]
    public async Task Events_FollowRest_WebhookMessagesCarryWebhookId_ContentNeedsTheIntent()
    {
        await using var server = await StartAsync();
        var demo = server.State.SeedDemo();
        await using var full = await RawGatewayClient.ConnectAsync(server);
        await using var noContent = await RawGatewayClient.ConnectAsync(server);
        await full.ReceiveAsync();
        await noContent.ReceiveAsync();
        await full.SendAsync(RawGatewayClient.Identify(server.BotToken, intents: 1 | (1 << 5) | (1 << 9) | (1 << 15)));
        await noContent.SendAsync(RawGatewayClient.Identify(server.BotToken, intents: 1 | (1 << 9)));
        await full.ReceiveDispatchAsync("GUILD_CREATE");
        await noContent.ReceiveDispatchAsync("GUILD_CREATE");

        using var rest = new FakeDiscordClient(server);
        var (status, hook, _) = await rest.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/webhooks", new { name = "Entity hook" });
        Assert.Equal(200, status);
        var hookUpdate = (await full.ReceiveDispatchAsync("WEBHOOKS_UPDATE"))!;
        Assert.Equal(demo.General.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), hookUpdate["d"]!["channel_id"]!.GetValue<string>());
        (status, _, _) = await rest.SendAsync(HttpMethod.Post, $"webhooks/{hook!["id"]}/{hook["token"]}?wait=true", new { content = "posted by an entity", username = "Ada" }, auth: false);
        Assert.Equal(200, status);
        var created = (await full.ReceiveDispatchAsync("MESSAGE_CREATE"))!["d"]!;
        Assert.Equal(hook["id"]!.GetValue<string>(), created["webhook_id"]!.GetValue<string>());
        Assert.Equal("posted by an entity", created["content"]!.GetValue<string>());
        Assert.Null(created["member"]);

        server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, "a secret without the intent");
        var hookWithoutIntent = (await noContent.ReceiveDispatchAsync("MESSAGE_CREATE"))!;
        Assert.Equal("", hookWithoutIntent["d"]!["content"]!.GetValue<string>());
        var human = (await noContent.ReceiveDispatchAsync("MESSAGE_CREATE"))!;
        Assert.Equal("", human["d"]!["content"]!.GetValue<string>());
        var seen = (await full.ReceiveDispatchAsync("MESSAGE_CREATE"))!;
        Assert.Equal("a secret without the intent", seen["d"]!["content"]!.GetValue<string>());

        // Without GUILD_MESSAGE_REACTIONS the reaction is not dispatched: the next payload is the ACK.
        server.State.AddUserReaction(demo.General.Id, ulong.Parse(seen["d"]!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), demo.Bob.Id, "❓");
        await full.SendAsync(new { op = 1, d = 5 });
        Assert.Equal(11, (await full.ReceiveAsync())!["op"]!.GetValue<int>());
        server.State.CreateThread(demo.General.Id, "new thread", demo.Alice.Id);
        var thread = (await full.ReceiveDispatchAsync("THREAD_CREATE"))!;
        Assert.True(thread["d"]!["newly_created"]!.GetValue<bool>());
    }

    public static TheoryData<string, int> IdentifyMistakes => new()
    {
        { "wrong-token", 4004 },
        { "invalid-intents", 4013 },
        { "privileged-not-enabled", 4014 },
        { "invalid-shard", 4010 },
        { "twice", 4005 },
        { "before-identify", 4003 },
        { "unknown-opcode", 4001 },
        { "not-json", 4002 },
        { "too-large", 4002 },
    };

    [Theory]
    [MemberData(nameof(IdentifyMistakes))]
    public async Task Mistake_ClosesWithDiscordsCode(string mistake, int code)
    {
        await using var server = await StartAsync(o => o.Gateway.EnabledPrivilegedIntents = FakePrivilegedIntents.GuildMembers);
        await using var gateway = await RawGatewayClient.ConnectAsync(server);
        await gateway.ReceiveAsync();
        const int NotPrivileged = 1 | (1 << 9);
        switch (mistake)
        {
            case "wrong-token": await gateway.SendAsync(RawGatewayClient.Identify("wrong", NotPrivileged)); break;
            case "invalid-intents": await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken, 1 << 30)); break;
            case "privileged-not-enabled": await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken)); break;
            case "invalid-shard": await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken, NotPrivileged, shard: 2, shards: 2)); break;
            case "twice":
                await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken, NotPrivileged));
                await gateway.ReceiveDispatchAsync("READY");
                await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken, NotPrivileged));
                break;
            case "before-identify": await gateway.SendAsync(new { op = 3, d = new { status = "online", afk = false, since = 0, activities = Array.Empty<object>() } }); break;
            case "unknown-opcode": await gateway.SendAsync(new { op = 42, d = (object?)null }); break;
            case "not-json": await gateway.SendRawAsync("{op: nope"); break;
            case "too-large": await gateway.SendAsync(new { op = 1, d = new string('x', 5000) }); break;
        }

        Assert.Equal(code, await gateway.ClosedWithAsync());
    }

    [Fact]
    public async Task WrongVersion_Closes4012()
    {
        await using var server = await StartAsync();
        await using var gateway = await RawGatewayClient.ConnectAsync(server, "?v=9&encoding=json");
        Assert.Equal(4012, await gateway.ClosedWithAsync());
    }

    [Fact]
    public async Task Resume_ReplaysMissedDispatchesThenResumed_OnTheResumeUrl()
    {
        await using var server = await StartAsync();
        var demo = server.State.SeedDemo();
        string sessionId;
        long last;
        await using (var first = await RawGatewayClient.ConnectAsync(server))
        {
            await first.ReceiveAsync();
            await first.SendAsync(RawGatewayClient.Identify(server.BotToken));
            sessionId = (await first.ReceiveDispatchAsync("READY"))!["d"]!["session_id"]!.GetValue<string>();
            last = (await first.ReceiveDispatchAsync("GUILD_CREATE"))!["s"]!.GetValue<long>();
        }

        server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, "missed one");
        server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, "missed two");
        await TestWait.UntilAsync(() => server.Gateway.Sessions.Single().Sequence == last + 2 && !server.Gateway.Sessions.Single().Connected);

        await using var second = await RawGatewayClient.ConnectAsync(server, path: "/resume");
        await second.ReceiveAsync();
        await second.SendAsync(new { op = 6, d = new { token = server.BotToken, session_id = sessionId, seq = last } });
        var one = (await second.ReceiveAsync())!;
        var two = (await second.ReceiveAsync())!;
        var resumed = (await second.ReceiveAsync())!;
        Assert.Equal(("missed one", last + 1), (one["d"]!["content"]!.GetValue<string>(), one["s"]!.GetValue<long>()));
        Assert.Equal(("missed two", last + 2), (two["d"]!["content"]!.GetValue<string>(), two["s"]!.GetValue<long>()));
        Assert.Equal(("RESUMED", last + 3), (resumed["t"]!.GetValue<string>(), resumed["s"]!.GetValue<long>()));
        Assert.Equal(1, server.Gateway.Sessions.Single().Resumes);

        await using var third = await RawGatewayClient.ConnectAsync(server);
        await third.ReceiveAsync();
        await third.SendAsync(new { op = 6, d = new { token = server.BotToken, session_id = "no-such-session", seq = 1 } });
        var invalid = (await third.ReceiveAsync())!;
        Assert.Equal((9, false), (invalid["op"]!.GetValue<int>(), invalid["d"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task InjectDispatchAndRawFrames_ReachTheClientAsWritten_DispatchesInSequence()
    {
        await using var server = await StartAsync(o => o.Gateway.ResumeGatewayUrl = "http://nope");
        var demo = server.State.SeedDemo();
        await using var gateway = await RawGatewayClient.ConnectAsync(server);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken));
        Assert.Equal("http://nope", (await gateway.ReceiveDispatchAsync("READY"))!["d"]!["resume_gateway_url"]!.GetValue<string>());
        var guild = (await gateway.ReceiveDispatchAsync("GUILD_CREATE"))!["s"]!.GetValue<long>();

        Assert.Equal(0, server.Gateway.InjectDispatch("GUILD_ROLE_CREATE", "{}", shardId: 1));
        Assert.Equal(1, server.Gateway.InjectDispatch("GUILD_ROLE_CREATE", $$"""{"guild_id":"{{demo.Guild.Id}}","role":null}"""));
        var injected = (await gateway.ReceiveAsync())!;
        Assert.Equal(("GUILD_ROLE_CREATE", guild + 1), (injected["t"]!.GetValue<string>(), injected["s"]!.GetValue<long>()));
        Assert.Null(injected["d"]!["role"]);

        Assert.Equal(1, server.Gateway.SendRawFrame("""{"op":"x","d":null}"""));
        Assert.Equal("x", (await gateway.ReceiveAsync())!["op"]!.GetValue<string>());
        server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, "next");
        Assert.Equal(guild + 2, (await gateway.ReceiveDispatchAsync("MESSAGE_CREATE"))!["s"]!.GetValue<long>());
    }

    [Fact]
    public async Task Identify_TooFastForMaxConcurrency_GetsInvalidSession_AndSessionStartsAreCounted()
    {
        await using var server = await StartAsync(o => o.Gateway.IdentifyInterval = TimeSpan.FromSeconds(30));
        await using var first = await RawGatewayClient.ConnectAsync(server);
        await using var second = await RawGatewayClient.ConnectAsync(server);
        await first.ReceiveAsync();
        await second.ReceiveAsync();
        await first.SendAsync(RawGatewayClient.Identify(server.BotToken));
        Assert.NotNull(await first.ReceiveDispatchAsync("READY"));
        await second.SendAsync(RawGatewayClient.Identify(server.BotToken));
        var invalid = (await second.ReceiveAsync())!;
        Assert.Equal(9, invalid["op"]!.GetValue<int>());

        using var rest = new FakeDiscordClient(server);
        var (_, bot, _) = await rest.SendAsync(HttpMethod.Get, "gateway/bot");
        Assert.Equal(999, bot!["session_start_limit"]!["remaining"]!.GetValue<int>());
        Assert.Equal(server.GatewayUrl, bot["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendingTooFast_Closes4008()
    {
        await using var server = await StartAsync();
        await using var gateway = await RawGatewayClient.ConnectAsync(server);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken));
        await gateway.ReceiveDispatchAsync("READY");
        for (var i = 0; i < 125; i++)
        {
            await gateway.SendAsync(new { op = 3, d = new { status = "online", afk = false, since = 0, activities = Array.Empty<object>() } });
        }

        Assert.Equal(4008, await gateway.ClosedWithAsync());
        Assert.Equal(1, server.Gateway.RateLimitCloses);
    }

    [Fact]
    public async Task NoHeartbeats_ConnectionClosedResumably()
    {
        await using var server = await StartAsync(o =>
        {
            o.Gateway.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
            o.Gateway.HeartbeatTimeout = TimeSpan.FromMilliseconds(300);
        });
        await using var gateway = await RawGatewayClient.ConnectAsync(server);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(RawGatewayClient.Identify(server.BotToken));
        Assert.Equal(4000, await gateway.ClosedWithAsync());
        Assert.Equal(1, server.Gateway.HeartbeatTimeouts);
        Assert.False(server.Gateway.Sessions.Single().Invalidated);
    }
}
