using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MCPilot.Discord.Webhooks;
using MCPilot.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Host.Tests.Playground;

/// <summary>The page's slash commands, DMs and ❓ reactions, through its API.</summary>
public sealed class PlaygroundCommandsTests : ConnectedPlayground
{
    [Fact]
    public async Task Commands_ListsTheBotsCommandsWithTheirUsage()
    {
        var commands = await Host.Http.GetFromJsonAsync<JsonElement>(new Uri("/playground/api/commands", UriKind.Relative), TestContext.Current.CancellationToken);

        var usages = commands.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("usage").GetString());
        Assert.Equal(["entities", "leaderboard", "status", "talk"], usages.Keys);
        Assert.Equal("/talk [entity:…]", usages["talk"]);
        Assert.Equal("/entities", usages["entities"]);
    }

    [Fact]
    public async Task RunCommand_AsTyped_RunsItThroughDiscordsInteractions()
    {
        using var response = await RunAsync(World.General.Id, World.Alice.Id, "/talk entity:Ada");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("talk", result.GetProperty("command").GetString());
        Assert.True(result.GetProperty("ephemeral").GetBoolean());
        Assert.Contains("now go to **Ada**", result.GetProperty("replies")[0].GetString(), StringComparison.Ordinal);
        var interaction = Assert.Single(Host.Playground.Server.Exchanges, e => e.Route == "/interactions/{interaction_id}/{interaction_token}/callback");
        Assert.Equal(204, interaction.Status);
    }

    [Theory]
    [InlineData("/nope", "/nope is not a command of this bot. Its commands: /entities, /leaderboard, /status, /talk.")]
    [InlineData("talk entity:Ada", "A command starts with / and its name")]
    [InlineData("/talk Ada", "\"Ada\" is not an option of /talk: give options as name:value (entity:).")]
    [InlineData("/entities everything", "\"everything\" is not an option of /entities: /entities takes no options.")]
    public async Task RunCommand_Mistyped_AnsweredWithWhatToType(string text, string expected)
    {
        using var response = await RunAsync(World.General.Id, World.Alice.Id, text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.StartsWith(expected, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Host.Playground.Server.Exchanges, e => e.Route.StartsWith("/interactions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dm_AsMember_ReachesTheBotAndIsListedAndStreamed()
    {
        using var events = await Host.Http.GetAsync(new Uri("/playground/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal("event: ready", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        var alice = World.Alice.Id.ToString(CultureInfo.InvariantCulture);

        using var posted = await Host.Http.PostAsJsonAsync(new Uri($"/playground/api/dms/{alice}/messages", UriKind.Relative), new { userId = alice, content = "Hello bot" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var dm = Host.Playground.State.GetDmChannel(World.Alice.Id)!;
        Assert.Single(Host.Playground.State.GetMessages(dm.Id), m => m.Content == "Hello bot" && m.AuthorId == World.Alice.Id);
        var listed = await Host.Http.GetFromJsonAsync<JsonElement>(new Uri($"/playground/api/dms/{alice}/messages", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(alice, Assert.Single(listed.EnumerateArray()).GetProperty("dmUserId").GetString());
        var streamed = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line && !(line.Length == 0 && streamed.ToString().Contains("Hello bot", StringComparison.Ordinal)))
        {
            streamed = line.Length == 0 ? new System.Text.StringBuilder() : streamed.AppendLine(line);
        }

        Assert.Contains($"\"dmUserId\": \"{alice}\"", streamed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task React_QuestionMarkOnAnEntitysMessage_TheMemberGetsTheProvenanceDm()
    {
        var ada = Host.Demo.Entity;
        var posted = await Host.Services.GetRequiredService<IWebhookIdentityEngine>()
            .ExecuteAsIdentityAsync(World.General.Id, new WebhookIdentity(ada.Name), "Ada says hi", cancellationToken: TestContext.Current.CancellationToken);
        var message = posted.Messages[0].Id;
        await Host.Services.GetRequiredService<ISentMessageStore>().RecordAsync(new SentMessage(message, ada.Id, World.Guild.Id, World.General.Id, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        using var reacted = await Host.Http.PostAsJsonAsync(new Uri($"/playground/api/channels/{World.General.Id}/messages/{message}/reactions", UriKind.Relative), new { userId = World.Bob.Id.ToString(CultureInfo.InvariantCulture), emoji = "❓" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reacted.StatusCode);
        var dm = await Eventually.WaitAsync(() => Host.Playground.State.GetDmChannel(World.Bob.Id) is { } channel ? Host.Playground.State.GetMessages(channel.Id).FirstOrDefault() : null, "Bob's provenance DM");
        Assert.Contains("was posted by **Ada**", dm.Content, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> RunAsync(ulong channel, ulong user, string text) =>
        Host.Http.PostAsJsonAsync(
            new Uri("/playground/api/commands", UriKind.Relative),
            new { channelId = channel.ToString(CultureInfo.InvariantCulture), userId = user.ToString(CultureInfo.InvariantCulture), text },
            TestContext.Current.CancellationToken);
}
