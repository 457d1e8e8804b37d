using MCPilot.Activity;
using MCPilot.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Host.Tests.Discord;

/// <summary>/entities, /talk and /leaderboard, run as playground members through FakeDiscord's interactions and the Gateway.</summary>
public sealed class EntityCommandTests : ConnectedPlayground
{
    [Fact]
    public async Task Entities_InTheServer_ListsEachWithItsChannelsAndOwner_Ephemerally()
    {
        await CreateEntityAsync("Zed", new ChannelPolicy { Allow = new HashSet<ulong> { World.Random.Id } }, owner: World.Bob.Id);

        var answer = await Host.RunCommandAsync(World.Bob, World.General, "entities");

        Assert.True(answer.Ephemeral);
        var text = Assert.Single(answer.Replies);
        Assert.Contains("AI entities in this server** (2)", text, StringComparison.Ordinal);
        Assert.Contains("**Ada**: The playground's demo entity", text, StringComparison.Ordinal);
        Assert.Contains("channels: every channel", text, StringComparison.Ordinal);
        Assert.Contains($"**Zed**\n  channels: <#{World.Random.Id}>\n  owner: <@{World.Bob.Id}>", text, StringComparison.Ordinal);
        Assert.Empty(Host.Playground.State.GetMessages(World.General.Id));
    }

    [Fact]
    public async Task Entities_InADirectMessage_RefusedSayingWhereToRunIt()
    {
        Host.Playground.State.SendDirectMessage(World.Alice.Id, "hello");
        var dm = Host.Playground.State.GetDmChannel(World.Alice.Id)!;

        var answer = await Host.RunCommandAsync(World.Alice, dm, "entities");

        Assert.Contains("/entities works in a server", Assert.Single(answer.Replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_Entity_RoutesTheMembersDmsToIt()
    {
        var answer = await Host.RunCommandAsync(World.Alice, World.General, "talk", ("entity", "ada"));

        Assert.True(answer.Ephemeral);
        Assert.Contains("now go to **Ada**", Assert.Single(answer.Replies), StringComparison.Ordinal);
        Assert.Equal(Host.Demo.Entity.Id, await Routes.GetActiveEntityAsync(World.Alice.Id, TestContext.Current.CancellationToken));
        Assert.Null(await Routes.GetActiveEntityAsync(World.Bob.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Talk_WithoutEntity_SaysTheCurrentOne_AndNoneStops()
    {
        var before = await Host.RunCommandAsync(World.Alice, World.General, "talk");
        await Host.RunCommandAsync(World.Alice, World.General, "talk", ("entity", "Ada"));
        var during = await Host.RunCommandAsync(World.Alice, World.General, "talk");
        var stop = await Host.RunCommandAsync(World.Alice, World.General, "talk", ("entity", "none"));

        Assert.Contains("go to no entity", Assert.Single(before.Replies), StringComparison.Ordinal);
        Assert.Contains("go to **Ada**", Assert.Single(during.Replies), StringComparison.Ordinal);
        Assert.Contains("go to no entity now", Assert.Single(stop.Replies), StringComparison.Ordinal);
        Assert.Null(await Routes.GetActiveEntityAsync(World.Alice.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Talk_BadOptions_RefusedWithWhatToDo_RouteUnchanged()
    {
        await Host.RunCommandAsync(World.Alice, World.General, "talk", ("entity", "Ada"));
        await CreateEntityAsync("Mute", ChannelPolicy.AllowAll, tools: new HashSet<string> { "whoami" });

        var unknown = await Host.RunCommandAsync(World.Alice, World.General, "talk", ("entity", "Zed"));
        var wrongType = await Host.RunCommandAsync(World.Alice, World.General, "talk", ("entity", 5L));
        var noDms = await Host.RunCommandAsync(World.Alice, World.General, "talk", ("entity", "Mute"));

        Assert.All([unknown, wrongType, noDms], a => Assert.True(a.Ephemeral));
        Assert.Contains("No entity called \"Zed\" is in this server. Entities here: Ada, Mute.", Assert.Single(unknown.Replies), StringComparison.Ordinal);
        Assert.Contains("`entity` must be an entity's name (text)", Assert.Single(wrongType.Replies), StringComparison.Ordinal);
        Assert.Contains("Mute does not read DMs", Assert.Single(noDms.Replies), StringComparison.Ordinal);
        Assert.Equal(Host.Demo.Entity.Id, await Routes.GetActiveEntityAsync(World.Alice.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Leaderboard_RanksByMessagesInThePeriod_InTheChannel()
    {
        var zed = await CreateEntityAsync("Zed", ChannelPolicy.AllowAll);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counters = Host.Services.GetRequiredService<IMessageCounterStore>();
        var ct = TestContext.Current.CancellationToken;
        await counters.IncrementAsync(Host.Demo.Entity.Id, World.Guild.Id, today, 5, ct);
        await counters.IncrementAsync(zed.Id, World.Guild.Id, today, 2, ct);
        await counters.IncrementAsync(zed.Id, World.Guild.Id, today.AddDays(-20), 10, ct);
        await counters.IncrementAsync(zed.Id, World.Guild.Id + 1, today, 100, ct);

        var week = await Host.RunCommandAsync(World.Bob, World.General, "leaderboard");
        var month = await Host.RunCommandAsync(World.Bob, World.General, "leaderboard", ("period", "month"));

        Assert.False(week.Ephemeral);
        Assert.Equal("**Leaderboard** — messages in the last 7 days\n🥇 **Ada**: 5 messages\n🥈 **Zed**: 2 messages", Assert.Single(week.Replies));
        Assert.Equal("**Leaderboard** — messages in the last 30 days\n🥇 **Zed**: 12 messages\n🥈 **Ada**: 5 messages", Assert.Single(month.Replies));
        Assert.Contains(Host.Playground.State.GetMessages(World.General.Id), m => m.Content.StartsWith("**Leaderboard**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaderboard_NothingSent_SaysSo()
    {
        var answer = await Host.RunCommandAsync(World.Bob, World.General, "leaderboard", ("period", "day"));

        Assert.Equal("No entity has posted in this server today (UTC).", Assert.Single(answer.Replies));
    }

    [Theory]
    [InlineData("year")]
    [InlineData(3L)]
    public async Task Leaderboard_BadPeriod_RefusedListingThePeriods(object period)
    {
        var answer = await Host.RunCommandAsync(World.Bob, World.General, "leaderboard", ("period", period));

        Assert.True(answer.Ephemeral);
        Assert.Equal("`period` must be one of day, week, month, all.", Assert.Single(answer.Replies));
    }

    [Fact]
    public async Task Registration_DefinesTheCommandsOnce_StatusOnlyForManageServer()
    {
        var commands = Host.Playground.State.GetCommands().ToDictionary(c => c.Name);

        Assert.Equal(["entities", "leaderboard", "status", "talk"], commands.Keys.Order());
        Assert.Equal("32", commands["status"].Definition["default_member_permissions"]!.ToJsonString().Trim('"'));
        Assert.Null(commands["talk"].Definition["default_member_permissions"]);
        Assert.Equal(["day", "week", "month", "all"], commands["leaderboard"].Definition["options"]![0]!["choices"]!.AsArray().Select(c => (string?)c!["value"]));
    }

    private IDmRouteStore Routes => Host.Services.GetRequiredService<IDmRouteStore>();

    private Task<Entity> CreateEntityAsync(string name, ChannelPolicy policy, ulong? owner = null, IReadOnlySet<string>? tools = null) =>
        Host.Services.GetRequiredService<EntityRegistry>().CreateAsync(new Entity
        {
            Id = default,
            Name = name,
            OwnerUserId = owner,
            ToolAllowList = tools,
            Guilds = [new EntityGuildMembership(World.Guild.Id, policy)],
        }, TestContext.Current.CancellationToken);
}
