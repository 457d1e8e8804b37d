using System.Text.Json.Nodes;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

public sealed class FakeDiscordServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_ListensOnLoopbackWithARealisticToken()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.NotEqual(0, server.BaseUrl.Port);
        Assert.EndsWith("/api/v10/", server.ApiBaseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(3, server.BotToken.Split('.').Length);
        Assert.Equal(server.State.BotUser.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(server.BotToken.Split('.')[0] + new string('=', (4 - (server.BotToken.Split('.')[0].Length % 4)) % 4))));
    }

    [Fact]
    public async Task BotRoutes_WithAWrongToken_Answer401()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        using var client = new FakeDiscordClient(server);
        var (status, body, _) = await client.SendAsync(HttpMethod.Get, "users/@me", token: "not-the-token");
        Assert.Equal(401, status);
        Assert.Equal(0, body!["code"]!.GetValue<int>());
        var (ok, me, _) = await client.SendAsync(HttpMethod.Get, "users/@me");
        Assert.Equal(200, ok);
        Assert.True(me!["bot"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RouteLimits_SendDiscordsHeaders_ThenAnswer429()
    {
        var options = new FakeDiscordOptions { RateLimits = new FakeDiscordRateLimits { MessageCreate = new FakeRateLimit(2, TimeSpan.FromSeconds(30)) } };
        await using var server = await FakeDiscordServer.StartAsync(options, Ct);
        var demo = server.State.SeedDemo();
        using var client = new FakeDiscordClient(server);
        var path = $"channels/{demo.General.Id}/messages";

        var (_, _, first) = await client.SendAsync(HttpMethod.Post, path, new { content = "one" });
        Assert.Equal("2", first.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("1", first.Headers.GetValues("X-RateLimit-Remaining").Single());
        var bucket = first.Headers.GetValues("X-RateLimit-Bucket").Single();
        Assert.True(double.Parse(first.Headers.GetValues("X-RateLimit-Reset-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 29 and <= 30);
        await client.SendAsync(HttpMethod.Post, path, new { content = "two" });
        var (status, body, limited) = await client.SendAsync(HttpMethod.Post, path, new { content = "three" });

        Assert.Equal(429, status);
        Assert.Equal("user", limited.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal(bucket, limited.Headers.GetValues("X-RateLimit-Bucket").Single());
        Assert.False(body!["global"]!.GetValue<bool>());
        Assert.True(body["retry_after"]!.GetValue<double>() > 29);
        Assert.Equal(2, server.State.GetMessages(demo.General.Id).Count);

        // Another channel is another bucket.
        var (other, _, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.Random.Id}/messages", new { content = "elsewhere" });
        Assert.Equal(200, other);
    }

    [Fact]
    public async Task GlobalLimit_Answers429WithGlobalScope()
    {
        var options = new FakeDiscordOptions { RateLimits = new FakeDiscordRateLimits { Global = new FakeRateLimit(3, TimeSpan.FromSeconds(30)) } };
        await using var server = await FakeDiscordServer.StartAsync(options, Ct);
        using var client = new FakeDiscordClient(server);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await client.SendAsync(HttpMethod.Get, "users/@me")).Status);
        }

        var (status, body, response) = await client.SendAsync(HttpMethod.Get, "gateway/bot");
        Assert.Equal(429, status);
        Assert.True(body!["global"]!.GetValue<bool>());
        Assert.Equal("true", response.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.Equal("global", response.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 29);
    }

    [Fact]
    public async Task Faults_ServerErrorsDropsAndStorms_HitTheMatchingRouteInOrder()
    {
        await using var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.None }, Ct);
        var demo = server.State.SeedDemo();
        using var client = new FakeDiscordClient(server);
        server.Faults.FailNext(1, 503, "GET /users/@me");
        server.Faults.RateLimitNext(1, FakeRateLimitScope.Shared, TimeSpan.FromSeconds(2), "/users/@me");
        server.Faults.DropNext(1, $"POST /channels/{{channel_id}}/messages", afterProcessing: true);
        Assert.Equal(3, server.Faults.Pending);

        Assert.Equal(200, (await client.SendAsync(HttpMethod.Get, "gateway")).Status);
        Assert.Equal(503, (await client.SendAsync(HttpMethod.Get, "users/@me")).Status);
        var (storm, body, response) = await client.SendAsync(HttpMethod.Get, "users/@me");
        Assert.Equal(429, storm);
        Assert.Equal("shared", response.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal("The resource is being rate limited.", body!["message"]!.GetValue<string>());
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages", new { content = "lost answer" }));
        Assert.Equal("lost answer", server.State.GetMessages(demo.General.Id).Single().Content);
        Assert.Equal(0, server.Faults.Pending);
        Assert.Equal(200, (await client.SendAsync(HttpMethod.Get, "users/@me")).Status);
    }

    [Fact]
    public async Task Recording_WritesSpecCheckerLines_WithoutTheToken()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fakediscord-test-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecordPath = path }, Ct))
            {
                var demo = server.State.SeedDemo();
                using var client = new FakeDiscordClient(server);
                await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages?x=1", new { content = "recorded" });
                server.Faults.FailNext(1, 500, "GET /users/@me");
                await client.SendAsync(HttpMethod.Get, "users/@me");
                Assert.Equal(Path.GetFullPath(path), server.RecordingPath);
            }

            var lines = await File.ReadAllLinesAsync(path, Ct);
            var exchange = JsonNode.Parse(Assert.Single(lines))!;
            Assert.Equal("POST", exchange["method"]!.GetValue<string>());
            Assert.StartsWith("/api/v10/channels/", exchange["path"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("x=1", exchange["query"]!.GetValue<string>());
            Assert.Equal("Bot <redacted>", exchange["request_headers"]!["Authorization"]!.GetValue<string>());
            Assert.Equal("recorded", exchange["request_body"]!["content"]!.GetValue<string>());
            Assert.Equal(200, exchange["status"]!.GetValue<int>());
            Assert.Equal("recorded", exchange["response_body"]!["content"]!.GetValue<string>());
            Assert.True(exchange["response_headers"]!.AsObject().ContainsKey("X-RateLimit-Bucket"));
            Assert.DoesNotContain(lines, l => l.Contains(".", StringComparison.Ordinal) && l.Contains("Bot ey", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownRouteAndBadJson_AnswerLikeDiscord()
    {
        // Not recorded: the spec check would rightly reject a route Discord does not have.
        await using var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecordFromEnvironment = false }, Ct);
        var demo = server.State.SeedDemo();
        using var client = new FakeDiscordClient(server);
        var (missing, body, _) = await client.SendAsync(HttpMethod.Get, "nothing/here");
        Assert.Equal(404, missing);
        Assert.Equal("404: Not Found", body!["message"]!.GetValue<string>());
        var (bad, error, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages", "{not json");
        Assert.Equal(400, bad);
        Assert.Equal(50109, error!["code"]!.GetValue<int>());
        var (empty, emptyError, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages", new { content = "" });
        Assert.Equal(400, empty);
        Assert.Equal(50006, emptyError!["code"]!.GetValue<int>());
        var (tooLong, tooLongError, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages", new { content = new string('x', 2001) });
        Assert.Equal(400, tooLong);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", tooLongError!["errors"]!["content"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }
}
