using System.Text.Json.Nodes;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

public sealed class FakeDiscordRecorderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recording_LeavesOutOnlyWhatTheSpecCannotDescribe()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fakediscord-recorder-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecordPath = path }, Ct))
            {
                var demo = server.State.SeedDemo();
                using var client = new FakeDiscordClient(server);
                var messages = $"channels/{demo.General.Id}/messages";
                Assert.Equal(200, (await client.SendAsync(HttpMethod.Post, messages, new { content = "kept" })).Status);
                Assert.Equal(404, (await client.SendAsync(HttpMethod.Get, "channels/1")).Status);
                server.Faults.RateLimitNext(1, FakeRateLimitScope.Shared, TimeSpan.FromSeconds(1), "GET /users/@me");
                Assert.Equal(429, (await client.SendAsync(HttpMethod.Get, "users/@me")).Status);

                // Not describable: a field error tree with Discord's string codes, an injected 5xx page, a dropped connection.
                Assert.Equal(400, (await client.SendAsync(HttpMethod.Post, messages, new { content = new string('x', 2001) })).Status);
                server.Faults.FailNext(1, 502, "GET /users/@me");
                Assert.Equal(502, (await client.SendAsync(HttpMethod.Get, "users/@me")).Status);
                server.Faults.DropNext(1, "GET /users/@me");
                await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(HttpMethod.Get, "users/@me"));
            }

            var statuses = (await File.ReadAllLinesAsync(path, Ct)).Select(l => JsonNode.Parse(l)!["status"]!.GetValue<int>());
            Assert.Equal([200, 404, 429], statuses);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SpecCanDescribe_FieldErrorTrees_OnlyWithIntegerCodes()
    {
        static JsonObject Tree(JsonNode code) => new()
        {
            ["code"] = 50035,
            ["message"] = "Invalid Form Body",
            ["errors"] = new JsonObject { ["embeds"] = new JsonObject { ["0"] = new JsonObject { ["title"] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = "x" }) } } } },
        };

        Assert.False(FakeDiscordRecorder.SpecCanDescribe(Tree(JsonValue.Create("BASE_TYPE_REQUIRED"))));
        Assert.True(FakeDiscordRecorder.SpecCanDescribe(Tree(JsonValue.Create(50035))));
        Assert.True(FakeDiscordRecorder.SpecCanDescribe(new JsonObject { ["code"] = 10003, ["message"] = "Unknown Channel" }));
        Assert.True(FakeDiscordRecorder.SpecCanDescribe(null));
    }
}
