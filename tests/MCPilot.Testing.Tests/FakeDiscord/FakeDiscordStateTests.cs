using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

public sealed class FakeDiscordStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedDemo_BuildsAGuildWithChannelsThreadsAndHumans()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var demo = server.State.SeedDemo();
        var channels = server.State.GetChannels(demo.Guild.Id);
        Assert.Contains(channels, c => c.Id == demo.Thread.Id && c.ParentId == demo.General.Id && c.IsThread);
        Assert.Equal(FakeChannelType.Forum, demo.Forum.Type);
        Assert.Equal(demo.ForumPost.Id, server.State.GetMessages(demo.ForumPost.Id).Single().Id);
        Assert.Equal([demo.Guild], server.State.Guilds);
        var create = server.State.GetGuildCreatePayload(demo.Guild.Id);
        Assert.Equal(3, create["members"]!.AsArray().Count);
        Assert.Equal(2, create["threads"]!.AsArray().Count);
    }

    [Fact]
    public async Task Changes_PublishGatewayDispatches_InOrder()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        using var events = server.State.Events.Subscribe();
        var demo = server.State.SeedDemo();
        var message = server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, $"hi <@{demo.Bob.Id}> <@&{demo.Moderators.Id}>");
        server.State.AddUserReaction(demo.General.Id, message.Id, demo.Bob.Id, "🎉");
        server.State.SendDirectMessage(demo.Alice.Id, "a private word");

        var names = new List<string>();
        while (events.Reader.TryRead(out var dispatch))
        {
            names.Add(dispatch.Name);
            if (dispatch.Name == "MESSAGE_CREATE" && dispatch.Payload["id"]!.GetValue<string>() == message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Assert.Equal(demo.Guild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), dispatch.Payload["guild_id"]!.GetValue<string>());
                Assert.NotNull(dispatch.Payload["member"]);
                Assert.NotNull(dispatch.Payload["mentions"]![0]!["member"]);
                Assert.Equal(demo.Moderators.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), dispatch.Payload["mention_roles"]![0]!.GetValue<string>());
            }
        }

        Assert.Equal(
            ["GUILD_CREATE", "GUILD_ROLE_CREATE", "GUILD_MEMBER_ADD", "GUILD_MEMBER_ADD", "CHANNEL_CREATE", "CHANNEL_CREATE", "THREAD_CREATE", "CHANNEL_CREATE", "THREAD_CREATE", "MESSAGE_CREATE", "MESSAGE_CREATE", "MESSAGE_REACTION_ADD", "MESSAGE_CREATE"],
            names);
        Assert.Equal(13, server.State.Events.Published);
    }

    [Fact]
    public async Task AdminChanges_PublishUpdatesAndDeletes_InDiscordsShapes()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var demo = server.State.SeedDemo();
        server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, "soon gone");
        var thread = server.State.CreateThread(demo.Random.Id, "side talk", demo.Bob.Id);
        using var events = server.State.Events.Subscribe();
        string Id(ulong id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("lobby", server.State.RenameChannel(demo.General.Id, "lobby").Name);
        server.State.RenameChannel(demo.Thread.Id, "renamed thread");
        server.State.DeleteChannel(thread.Id);
        server.State.DeleteChannel(demo.General.Id);
        Assert.Equal("Renamed", server.State.UpdateGuild(demo.Guild.Id, "Renamed").Name);
        var dispatches = new List<FakeDiscordDispatch>();
        while (events.Reader.TryRead(out var dispatch))
        {
            dispatches.Add(dispatch);
        }

        Assert.Equal(["CHANNEL_UPDATE", "THREAD_UPDATE", "THREAD_DELETE", "CHANNEL_DELETE", "GUILD_UPDATE"], dispatches.Select(d => d.Name));
        Assert.All(dispatches, d => Assert.Equal(demo.Guild.Id, d.GuildId));
        Assert.Equal(("lobby", 0, Id(demo.Guild.Id)), (dispatches[0].Payload["name"]!.GetValue<string>(), dispatches[0].Payload["type"]!.GetValue<int>(), dispatches[0].Payload["guild_id"]!.GetValue<string>()));
        Assert.Equal(Id(demo.General.Id), dispatches[1].Payload["parent_id"]!.GetValue<string>());
        Assert.Equal(
            [("id", Id(thread.Id)), ("guild_id", Id(demo.Guild.Id)), ("parent_id", Id(demo.Random.Id)), ("type", "11")],
            dispatches[2].Payload.Select(p => (p.Key, p.Value!.ToString())));
        Assert.Equal(("lobby", Id(demo.General.Id)), (dispatches[3].Payload["name"]!.GetValue<string>(), dispatches[3].Payload["id"]!.GetValue<string>()));
        Assert.Equal("Renamed", dispatches[4].Payload["name"]!.GetValue<string>());
        Assert.NotNull(dispatches[4].Payload["roles"]);
        Assert.Null(dispatches[4].Payload["channels"]);

        // The channel went with its thread and messages; the other thread's channel stays.
        Assert.Null(server.State.GetChannel(demo.General.Id));
        Assert.Null(server.State.GetChannel(demo.Thread.Id));
        Assert.Null(server.State.GetChannel(thread.Id));
        Assert.Empty(server.State.GetMessages(demo.General.Id));
        Assert.NotNull(server.State.GetChannel(demo.Random.Id));

        server.State.RemoveGuild(demo.Guild.Id);
        Assert.True(events.Reader.TryRead(out var removed));
        Assert.Equal("GUILD_DELETE", removed.Name);
        Assert.Equal([("id", Id(demo.Guild.Id))], removed.Payload.Select(p => (p.Key, p.Value!.ToString())));
        Assert.Empty(server.State.Guilds);
        Assert.Empty(server.State.GetChannels(demo.Guild.Id));
        Assert.Throws<ArgumentException>(() => server.State.RenameChannel(demo.Random.Id, "x"));
        Assert.Throws<ArgumentException>(() => server.State.DeleteChannel(server.State.GetDmChannel(demo.Alice.Id)?.Id ?? 1));
    }

    [Fact]
    public async Task WebhookMessageOverRest_PublishesMessageCreateWithWebhookId()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var demo = server.State.SeedDemo();
        using var events = server.State.Events.Subscribe();
        using var client = new FakeDiscordClient(server);
        var (_, hook, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/webhooks", new { name = "MCPilot" });
        await client.SendAsync(HttpMethod.Post, $"webhooks/{hook!["id"]}/{hook["token"]}?wait=true&thread_id={demo.Thread.Id}", new { content = "as an entity", username = "Nova" });

        var update = await events.WaitForAsync("WEBHOOKS_UPDATE", cancellationToken: Ct);
        Assert.Equal(demo.General.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), update.Payload["channel_id"]!.GetValue<string>());
        var created = await events.WaitForAsync("MESSAGE_CREATE", cancellationToken: Ct);
        Assert.Equal(hook["id"]!.GetValue<string>(), created.Payload["webhook_id"]!.GetValue<string>());
        Assert.Equal("Nova", created.Payload["author"]!["username"]!.GetValue<string>());
        Assert.Null(created.Payload["member"]);
        Assert.Equal(demo.Guild.Id, created.GuildId);
    }

    [Fact]
    public async Task Interaction_AnsweredTooLate_Fails10062()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { TimeProvider = time, RateLimits = FakeDiscordRateLimits.None }, Ct);
        var demo = server.State.SeedDemo();
        using var client = new FakeDiscordClient(server);
        var late = server.State.CreateInteraction(demo.General.Id, demo.Alice.Id, "status");
        time.Advance(TimeSpan.FromSeconds(3.5));
        var (status, body, _) = await client.SendAsync(HttpMethod.Post, $"interactions/{late.Id}/{late.Token}/callback", new { type = 4, data = new { content = "too late" } }, auth: false);
        Assert.Equal(404, status);
        Assert.Equal(10062, body!["code"]!.GetValue<int>());

        var onTime = server.State.CreateInteraction(demo.General.Id, demo.Alice.Id, "status", new Dictionary<string, object> { ["verbose"] = true });
        time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(204, (await client.SendAsync(HttpMethod.Post, $"interactions/{onTime.Id}/{onTime.Token}/callback", new { type = 5 }, auth: false)).Status);
        Assert.Equal(5, server.State.GetInteraction(onTime.Id)!.ResponseType);
    }

    [Fact]
    public async Task Messages_Nonce_EnforcedReturnsTheFirstMessage()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var demo = server.State.SeedDemo();
        using var client = new FakeDiscordClient(server);
        var (_, first, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages", new { content = "once", nonce = "abc", enforce_nonce = true });
        var (_, second, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages", new { content = "once", nonce = "abc", enforce_nonce = true });
        var (_, third, _) = await client.SendAsync(HttpMethod.Post, $"channels/{demo.General.Id}/messages", new { content = "twice", nonce = "abc" });
        Assert.Equal(first!["id"]!.GetValue<string>(), second!["id"]!.GetValue<string>());
        Assert.NotEqual(first["id"]!.GetValue<string>(), third!["id"]!.GetValue<string>());
        Assert.Equal(2, server.State.GetMessages(demo.General.Id).Count);
    }

    [Fact]
    public async Task Permissions_DeniedByTheTest_AnswerMissingAccessOrPermissions()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var demo = server.State.SeedDemo();
        using var client = new FakeDiscordClient(server);
        server.State.DenyBotPermission(demo.Random.Id, FakeBotPermission.ViewChannel);
        var (hidden, hiddenBody, _) = await client.SendAsync(HttpMethod.Get, $"channels/{demo.Random.Id}");
        Assert.Equal(403, hidden);
        Assert.Equal(50001, hiddenBody!["code"]!.GetValue<int>());
        var (_, channels, _) = await client.SendAsync(HttpMethod.Get, $"guilds/{demo.Guild.Id}/channels");
        Assert.DoesNotContain(channels!.AsArray(), c => c!["id"]!.GetValue<string>() == demo.Random.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        server.State.AllowBotPermission(demo.Random.Id, FakeBotPermission.ViewChannel);
        Assert.Equal(200, (await client.SendAsync(HttpMethod.Get, $"channels/{demo.Random.Id}")).Status);
    }

    [Fact]
    public void SeedingApi_RejectsUnknownIds_Clearly()
    {
        var state = new FakeDiscordState(TimeProvider.System, 0, "bot", TimeSpan.FromSeconds(3));
        var error = Assert.Throws<ArgumentException>(() => state.PostUserMessage(42, 43, "x"));
        Assert.Contains("no channel 42", error.Message, StringComparison.Ordinal);
        var guild = state.CreateGuild("g");
        var channel = state.CreateChannel(guild.Id, "c");
        var stranger = state.CreateUser("stranger");
        Assert.Contains("AddMember", Assert.Throws<ArgumentException>(() => state.PostUserMessage(channel.Id, stranger.Id, "x")).Message, StringComparison.Ordinal);
    }
}
