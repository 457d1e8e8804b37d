using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MCPilot.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.Host.Tests.Playground;

public sealed class PlaygroundTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Start_NoToken_ReadyWithDemoEntityAndPrintsUrlKeyAndClientConfigs()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitReadyAsync();

        var demo = host.Demo;
        var banner = await WaitForBannerAsync(host);
        var mcpUrl = new Uri(host.BaseUrl, $"mcp/{demo.Entity.Id}");
        Assert.Contains($"MCP URL   {mcpUrl}", banner, StringComparison.Ordinal);
        Assert.Contains($"API key   {demo.Key}", banner, StringComparison.Ordinal);
        Assert.Contains($"claude mcp add --transport http mcpilot-ada {mcpUrl} --header \"Authorization: Bearer {demo.Key}\"", banner, StringComparison.Ordinal);
        Assert.Contains($"npx @modelcontextprotocol/inspector --cli {mcpUrl} --transport http", banner, StringComparison.Ordinal);
        Assert.Equal("Ada", demo.Entity.Name);
        Assert.True(demo.Entity.MayUse(host.Playground.Demo.Guild.Id, host.Playground.Demo.General.Id));

        // Every JSON block printed parses, and points at the entity with its key.
        var blocks = JsonBlocks(banner);
        Assert.Equal(3, blocks.Count);
        var claudeCode = blocks[0].GetProperty("mcpServers").GetProperty("mcpilot-ada");
        Assert.Equal("http", claudeCode.GetProperty("type").GetString());
        Assert.Equal(mcpUrl.ToString(), claudeCode.GetProperty("url").GetString());
        Assert.Equal($"Bearer {demo.Key}", claudeCode.GetProperty("headers").GetProperty("Authorization").GetString());
        var desktop = blocks[1].GetProperty("mcpServers").GetProperty("mcpilot-ada");
        Assert.Equal("npx", desktop.GetProperty("command").GetString());
        Assert.Equal(["-y", "mcp-remote", mcpUrl.ToString(), "--header", "Authorization:${MCPILOT_AUTH}"], desktop.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal($"Bearer {demo.Key}", desktop.GetProperty("env").GetProperty("MCPILOT_AUTH").GetString());
        var inspector = blocks[2].GetProperty("mcpServers").GetProperty("mcpilot-ada");
        Assert.Equal("streamable-http", inspector.GetProperty("type").GetString());
        Assert.Equal(mcpUrl.ToString(), inspector.GetProperty("url").GetString());
        Assert.Equal($"Bearer {demo.Key}", inspector.GetProperty("headers").GetProperty("Authorization").GetString());

        // The Inspector's block is the file the host wrote, owner-only.
        var file = _data.File("inspector.json");
        Assert.Contains($"npx @modelcontextprotocol/inspector --config {file} --server mcpilot-ada", banner, StringComparison.Ordinal);
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.True(JsonElement.DeepEquals(blocks[2], written.RootElement));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    /// <summary>The JSON documents in the banner: each starts with a line "  {" and ends with the line "  }".</summary>
    private static List<JsonElement> JsonBlocks(string banner)
    {
        var blocks = new List<JsonElement>();
        var lines = banner.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "  {")
            {
                continue;
            }

            var end = Array.IndexOf(lines, "  }", i);
            Assert.True(end > i, "A JSON block in the banner is not closed.");
            using var document = JsonDocument.Parse(string.Join('\n', lines[i..(end + 1)]));
            blocks.Add(document.RootElement.Clone());
            i = end;
        }

        return blocks;
    }

    [Fact]
    public async Task Start_PrintedKey_OpensTheDemoEntitysMcpEndpointAndNothingElse()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitReadyAsync();

        using var accepted = await InitializeAsync(host, host.Demo.Entity.Id, host.Demo.Key);
        using var refused = await InitializeAsync(host, host.Demo.Entity.Id, host.Demo.Key[..^2] + "AA");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Restart_ReusesTheDemoEntityAndKey_AndMovesEntitiesIntoTheNewWorld()
    {
        EntityId demoId;
        string key;
        ulong oldGuild;
        await using (var first = await InProcessHost.StartAsync(_data.Path))
        {
            await first.WaitReadyAsync();
            demoId = first.Demo.Entity.Id;
            key = first.Demo.Key;
            oldGuild = first.Playground.Demo.Guild.Id;
            var random = first.Playground.Demo.Random.Id;
            await first.Services.GetRequiredService<EntityRegistry>().UpdateAsync(demoId, e => e with { Guilds = [new EntityGuildMembership(oldGuild, new ChannelPolicy { Allow = new HashSet<ulong> { random } })] }, TestContext.Current.CancellationToken);
        }

        await using var second = await InProcessHost.StartAsync(_data.Path);
        await second.WaitReadyAsync();

        var world = second.Playground.Demo;
        Assert.NotEqual(oldGuild, world.Guild.Id);
        Assert.Equal(demoId, second.Demo.Entity.Id);
        Assert.Equal(key, second.Demo.Key);
        var moved = await second.Services.GetRequiredService<EntityRegistry>().GetAsync(demoId, TestContext.Current.CancellationToken);
        Assert.Equal([world.Guild.Id], moved!.Guilds.Select(g => g.GuildId));
        Assert.True(moved.MayUse(world.Guild.Id, world.Random.Id));
        Assert.False(moved.MayUse(world.Guild.Id, world.General.Id));
    }

    [Fact]
    public async Task Restart_DemoKeyRevokedMeanwhile_IssuesANewOne()
    {
        string key;
        await using (var first = await InProcessHost.StartAsync(_data.Path))
        {
            await first.WaitReadyAsync();
            key = first.Demo.Key;
        }

        var lookup = (await CliRun.RunAsync(_data.Path, "keys", "list", "Ada", "--json")).Json()[0].GetProperty("lookupId").GetString()!;
        (await CliRun.RunAsync(_data.Path, "keys", "revoke", "Ada", lookup)).Succeeded();
        await using var second = await InProcessHost.StartAsync(_data.Path);
        await second.WaitReadyAsync();

        Assert.NotEqual(key, second.Demo.Key);
        using var accepted = await InitializeAsync(second, second.Demo.Entity.Id, second.Demo.Key);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Restart_DemoEntityDeletedAndItsNameTakenInThePlaygroundServer_AdoptsThatEntityWithANewKey()
    {
        string oldKey;
        ulong oldGuild;
        await using (var first = await InProcessHost.StartAsync(_data.Path))
        {
            await first.WaitReadyAsync();
            oldKey = first.Demo.Key;
            oldGuild = first.Playground.Demo.Guild.Id;
        }

        (await CliRun.RunAsync(_data.Path, "entities", "delete", "Ada", "--yes")).Succeeded();
        var created = (await CliRun.RunAsync(_data.Path, "entities", "create", "Ada", "--guild", oldGuild.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json")).Json();
        var adoptedId = EntityId.Parse(created.GetProperty("id").GetString()!);

        await using var second = await InProcessHost.StartAsync(_data.Path);
        await second.WaitReadyAsync();

        Assert.Equal(adoptedId, second.Demo.Entity.Id);
        Assert.NotEqual(oldKey, second.Demo.Key);
        Assert.Equal([second.Playground.Demo.Guild.Id], second.Demo.Entity.Guilds.Select(g => g.GuildId));
        var banner = await WaitForBannerAsync(second);
        Assert.Contains($"Entity    Ada ({adoptedId})", banner, StringComparison.Ordinal);
        Assert.Contains($"API key   {second.Demo.Key}", banner, StringComparison.Ordinal);
        using var accepted = await InitializeAsync(second, adoptedId, second.Demo.Key);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single((await CliRun.RunAsync(_data.Path, "entities", "list", "--json")).Json().EnumerateArray());
    }

    [Fact]
    public async Task Start_EfCoreFailureLogs_AreOffUnlessConfigured()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        using var other = new TestDataDirectory();
        await using var configured = await InProcessHost.StartAsync(other.Path, "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Update=Error");

        var logs = host.Services.GetRequiredService<ILoggerFactory>();
        Assert.False(logs.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Critical));
        Assert.False(logs.CreateLogger("Microsoft.EntityFrameworkCore.Update").IsEnabled(LogLevel.Critical));
        Assert.False(logs.CreateLogger("Microsoft.EntityFrameworkCore.Query").IsEnabled(LogLevel.Critical));
        Assert.True(logs.CreateLogger("Microsoft.EntityFrameworkCore.Migrations").IsEnabled(LogLevel.Warning));
        Assert.True(configured.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.EntityFrameworkCore.Update").IsEnabled(LogLevel.Error));
    }

    [Fact]
    public async Task Ready_SlashCommandsRegistered_TalkWorksAtOnce()
    {
        // Registration takes a while (as on Discord): the playground must not say it is ready before.
        await using var host = await InProcessHost.StartAsync(_data.Path, h => h.Playground!.Server.Faults.SetLatency(TimeSpan.FromSeconds(2), "PUT /applications/{application_id}/commands"));
        await host.WaitReadyAsync();

        Assert.Equal(["entities", "leaderboard", "status", "talk"], host.CommandRunner.Commands.Select(c => c.Name));
        var world = host.Playground.Demo;
        var talk = await host.RunCommandAsync(world.Alice, world.General, "talk", ("entity", "Ada"));
        Assert.Contains("now go to **Ada**", Assert.Single(talk.Replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ServedAtRootWithItsScript()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);

        var page = await host.Http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var script = await host.Http.GetAsync(new Uri("/playground/playground.js", UriKind.Relative), TestContext.Current.CancellationToken);
        using var missing = await host.Http.GetAsync(new Uri("/playground/appsettings.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<title>MCPilot playground</title>", page, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task World_ListsChannelsThreadsMembersAndTheDemoEntity()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitReadyAsync();

        var world = await host.Http.GetFromJsonAsync<JsonElement>(new Uri("/playground/api/world", UriKind.Relative), TestContext.Current.CancellationToken);

        var channels = world.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("kind").GetString());
        Assert.Equal("text", channels["general"]);
        Assert.Equal("thread", channels["entities-chat"]);
        Assert.Equal("forum", channels["ideas"]);
        Assert.Equal(["Alice", "Bob"], world.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var entity = Assert.Single(world.GetProperty("entities").EnumerateArray());
        Assert.Equal("Ada", entity.GetProperty("name").GetString());
        Assert.DoesNotContain(host.Demo.Key, world.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AsHuman_LandsInFakeDiscordAndStreamsToThePage()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitReadyAsync();
        var demo = host.Playground.Demo;
        using var events = await host.Http.GetAsync(new Uri("/playground/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal("event: ready", await reader.ReadLineAsync(TestContext.Current.CancellationToken));

        using var posted = await PostAsync(host, demo.Thread.Id, new { userId = demo.Bob.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), content = "Hello Ada, are you there?" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var stored = Assert.Single(host.Playground.State.GetMessages(demo.Thread.Id), m => m.Content == "Hello Ada, are you there?");
        Assert.Equal(demo.Bob.Id, stored.AuthorId);
        var streamed = await ReadEventAsync(reader, "message");
        Assert.Contains("Hello Ada, are you there?", streamed, StringComparison.Ordinal);
        Assert.Contains("\"authorName\": \"Bob\"", streamed, StringComparison.Ordinal);
        var listed = await host.Http.GetFromJsonAsync<JsonElement>(new Uri($"/playground/api/channels/{demo.Thread.Id}/messages", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("content").GetString() == "Hello Ada, are you there?" && m.GetProperty("authorKind").GetString() == "human");
    }

    [Fact]
    public async Task Post_BadRequests_AnsweredWithWhatToFix()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitReadyAsync();
        var demo = host.Playground.Demo;
        var alice = demo.Alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await AssertErrorAsync(await PostAsync(host, demo.General.Id, new { userId = "1", content = "hi" }), HttpStatusCode.BadRequest, "userId must be one of");
        await AssertErrorAsync(await PostAsync(host, demo.General.Id, new { userId = alice, content = "" }), HttpStatusCode.BadRequest, "1 to 2000 characters");
        await AssertErrorAsync(await PostAsync(host, demo.General.Id, new { userId = alice, content = new string('x', 2001) }), HttpStatusCode.BadRequest, "1 to 2000 characters");
        await AssertErrorAsync(await PostAsync(host, demo.Forum.Id, new { userId = alice, content = "hi" }), HttpStatusCode.BadRequest, "post in one of its threads");
        await AssertErrorAsync(await PostAsync(host, 42, new { userId = alice, content = "hi" }), HttpStatusCode.NotFound, "no channel 42");
        await AssertErrorAsync(await PostAsync(host, demo.General.Id, new { userId = alice, content = "hi", replyTo = "42" }), HttpStatusCode.BadRequest, "replyTo 42");
        Assert.Empty(host.Playground.State.GetMessages(demo.General.Id));
    }

    public void Dispose() => _data.Dispose();

    internal static async Task<string> WaitForBannerAsync(InProcessHost host)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!host.Console.ToString().Contains("Manage entities and keys", StringComparison.Ordinal))
        {
            await Task.Delay(20, timeout.Token);
        }

        return host.Console.ToString();
    }

    internal static async Task<HttpResponseMessage> InitializeAsync(InProcessHost host, EntityId entity, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/mcp/{entity}", UriKind.Relative))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> PostAsync(InProcessHost host, ulong channel, object body) =>
        host.Http.PostAsJsonAsync(new Uri($"/playground/api/channels/{channel}/messages", UriKind.Relative), body, TestContext.Current.CancellationToken);

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string expected)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Contains(expected, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    private static async Task<string> ReadEventAsync(StreamReader reader, string name)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var inEvent = false;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                inEvent = line == "event: " + name;
            }
            else if (inEvent && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.AppendLine(line["data: ".Length..]);
            }
            else if (inEvent && line.Length == 0)
            {
                return data.ToString();
            }
        }

        throw new InvalidOperationException($"The stream ended before a '{name}' event.");
    }
}
