using System.Net;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCurrentUserAndApplication_ReturnTheBot()
    {
        await using var h = await DiscordHarness.StartAsync();
        var user = await h.Client.GetCurrentUserAsync(Ct);
        var app = await h.Client.GetCurrentApplicationAsync(Ct);
        Assert.Equal(h.State.BotUser.Id, user.Id);
        Assert.True(user.Bot);
        Assert.Equal(h.State.ApplicationId, app.Id);
        Assert.Equal(app.Id, await h.Client.GetApplicationIdAsync(Ct));
    }

    [Fact]
    public async Task GetGatewayBotAsync_ReturnsUrlShardsAndSessionLimit()
    {
        await using var h = await DiscordHarness.StartAsync();
        var gateway = await h.Client.GetGatewayBotAsync(Ct);
        Assert.Equal(h.Fake.GatewayUrl, gateway.Url);
        Assert.Equal(1, gateway.Shards);
        Assert.Equal(1, gateway.SessionStartLimit.MaxConcurrency);
        Assert.True(gateway.SessionStartLimit.Remaining > 0);
    }

    [Fact]
    public async Task Guilds_ChannelsThreadsMembersAndRoles_AreListed()
    {
        await using var h = await DiscordHarness.StartAsync();
        var second = h.State.CreateGuild("Second");
        var guilds = await h.Client.GetCurrentUserGuildsAsync(Ct);
        Assert.Equal([h.Demo.Guild.Id, second.Id], guilds.Select(g => g.Id));

        var guild = await h.Client.GetGuildAsync(h.Demo.Guild.Id, Ct);
        Assert.Equal("MCPilot Playground", guild.Name);
        Assert.Contains(guild.Roles!, r => r.Name == "Moderators");

        var channels = await h.Client.GetGuildChannelsAsync(h.Demo.Guild.Id, Ct);
        Assert.Equal(["general", "random", "ideas"], channels.Select(c => c.Name));
        Assert.Equal(ChannelType.GuildForum, channels.Single(c => c.Name == "ideas").Type);

        var threads = await h.Client.GetActiveThreadsAsync(h.Demo.Guild.Id, Ct);
        Assert.Equal([h.Demo.Thread.Id, h.Demo.ForumPost.Id], threads.Threads.Select(t => t.Id));
        Assert.All(threads.Threads, t => Assert.True(t.Type.IsThread()));
        Assert.Equal(h.Demo.General.Id, threads.Threads[0].ParentId);
        Assert.False(threads.Threads[0].ThreadMetadata!.Archived);

        var members = await h.Client.ListGuildMembersAsync(h.Demo.Guild.Id, 1000, 0, Ct);
        Assert.Equal(3, members.Count);
        var bob = await h.Client.GetGuildMemberAsync(h.Demo.Guild.Id, h.Demo.Bob.Id, Ct);
        Assert.Equal([h.Demo.Moderators.Id], bob.Roles);
        Assert.Equal("bob", bob.User!.Username);

        var roles = await h.Client.GetGuildRolesAsync(h.Demo.Guild.Id, Ct);
        Assert.Equal([h.Demo.Guild.Id, h.Demo.Moderators.Id], roles.Select(r => r.Id));
        Assert.Equal(DiscordPermissions.ManageMessages, roles[1].Permissions);
    }

    [Fact]
    public async Task GetChannelAsync_Thread_ReportsParentAndMetadata()
    {
        await using var h = await DiscordHarness.StartAsync();
        var thread = await h.Client.GetChannelAsync(h.Demo.Thread.Id, Ct);
        Assert.Equal(ChannelType.PublicThread, thread.Type);
        Assert.Equal(h.Demo.General.Id, thread.ParentId);
        Assert.Equal(h.Demo.Alice.Id, thread.OwnerId);
        Assert.NotNull(thread.ThreadMetadata);
    }

    [Fact]
    public async Task GetMessagesAsync_BeforeAfterAround_PageNewestFirst()
    {
        await using var h = await DiscordHarness.StartAsync();
        var ids = new List<ulong>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(h.State.PostUserMessage(h.Demo.Random.Id, h.Demo.Alice.Id, $"m{i}").Id);
        }

        var latest = await h.Client.GetMessagesAsync(h.Demo.Random.Id, MessageQuery.Latest(3), Ct);
        Assert.Equal(["m9", "m8", "m7"], latest.Select(m => m.Content));
        var before = await h.Client.GetMessagesAsync(h.Demo.Random.Id, MessageQuery.BeforeMessage(ids[5], 2), Ct);
        Assert.Equal(["m4", "m3"], before.Select(m => m.Content));
        var after = await h.Client.GetMessagesAsync(h.Demo.Random.Id, MessageQuery.AfterMessage(ids[5], 2), Ct);
        Assert.Equal(["m7", "m6"], after.Select(m => m.Content));
        var around = await h.Client.GetMessagesAsync(h.Demo.Random.Id, MessageQuery.AroundMessage(ids[5], 3), Ct);
        Assert.Equal(["m6", "m5", "m4"], around.Select(m => m.Content));
        var one = await h.Client.GetMessageAsync(h.Demo.Random.Id, ids[2], Ct);
        Assert.Equal("m2", one.Content);
        Assert.Equal(h.Demo.Alice.Id, one.Author.Id);
        Assert.Throws<ArgumentException>(() => { _ = h.Client.GetMessagesAsync(1, new MessageQuery { Before = 1, After = 2 }, Ct); });
    }

    [Fact]
    public async Task CreateMessageAsync_ReplyWithAllowedMentions_PostsOnceWithNonce()
    {
        await using var h = await DiscordHarness.StartAsync();
        var question = h.State.PostUserMessage(h.Demo.General.Id, h.Demo.Alice.Id, "hello?");
        var reply = await h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest
        {
            Content = $"<@{h.Demo.Bob.Id}> @everyone answer",
            MessageReference = CreateMessageRequest.ReplyTo(question.Id),
            AllowedMentions = AllowedMentions.UsersOnly,
        }, Ct);

        Assert.Equal(MessageType.Reply, reply.Type);
        Assert.Equal(question.Id, reply.MessageReference!.MessageId);
        Assert.True(reply.ReferencedMessage.HasValue);
        Assert.Equal("hello?", reply.ReferencedMessage.Value!.Content);
        Assert.False(reply.MentionEveryone);
        Assert.Equal([h.Demo.Bob.Id], reply.Mentions.Select(u => u.Id));
        Assert.False(string.IsNullOrEmpty(reply.Nonce));
        var sent = h.Fake.Exchanges.Single(e => e.Method == "POST" && e.Route == "/channels/{channel_id}/messages");
        Assert.True(sent.RequestBody!["enforce_nonce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateMessageAsync_EmptyOrTooLong_FailsBeforeSending()
    {
        await using var h = await DiscordHarness.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest { Content = "" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CreateMessageAsync(h.Demo.General.Id, new CreateMessageRequest { Content = new string('x', 2001) }, Ct));
        Assert.Equal(0, h.Fake.RequestCount);
    }

    [Fact]
    public async Task CreateDmChannelAsync_ThenMessageWithEmbed_ReachesTheUser()
    {
        await using var h = await DiscordHarness.StartAsync();
        var dm = await h.Client.CreateDmChannelAsync(h.Demo.Alice.Id, Ct);
        var again = await h.Client.CreateDmChannelAsync(h.Demo.Alice.Id, Ct);
        Assert.Equal(dm.Id, again.Id);
        Assert.Equal(ChannelType.DirectMessage, dm.Type);
        Assert.Equal(h.Demo.Alice.Id, dm.Recipients!.Single().Id);

        var message = await h.Client.CreateMessageAsync(dm.Id, new CreateMessageRequest
        {
            Content = "hi from an entity",
            Embeds = [new Embed { Author = new EmbedAuthor { Name = "Nova", IconUrl = "https://example.com/nova.png" }, Description = "Nova says hi" }],
        }, Ct);
        Assert.Equal("Nova", message.Embeds.Single().Author!.Name);
        Assert.Equal("rich", message.Embeds.Single().Type);
        Assert.Equal(message.Id, h.State.GetMessages(dm.Id).Single().Id);
    }

    [Fact]
    public async Task Reactions_UnicodeAndCustom_AreEncodedAndIdempotent()
    {
        await using var h = await DiscordHarness.StartAsync();
        var message = h.State.PostUserMessage(h.Demo.General.Id, h.Demo.Alice.Id, "react to me");
        var custom = h.State.CreateEmoji(h.Demo.Guild.Id, "mcpilot");
        await h.Client.AddOwnReactionAsync(h.Demo.General.Id, message.Id, ReactionEmoji.Parse("👍"), Ct);
        await h.Client.AddOwnReactionAsync(h.Demo.General.Id, message.Id, ReactionEmoji.Parse("👍"), Ct);
        await h.Client.AddOwnReactionAsync(h.Demo.General.Id, message.Id, ReactionEmoji.Parse($"<:mcpilot:{custom.Id}>"), Ct);

        var reactions = (await h.Client.GetMessageAsync(h.Demo.General.Id, message.Id, Ct)).Reactions!;
        Assert.Equal(2, reactions.Count);
        Assert.Equal("👍", reactions[0].Emoji.Name);
        Assert.Equal(1, reactions[0].Count);
        Assert.True(reactions[0].Me);
        Assert.Equal(custom.Id, reactions[1].Emoji.Id);

        await h.Client.RemoveOwnReactionAsync(h.Demo.General.Id, message.Id, ReactionEmoji.Parse("👍"), Ct);
        Assert.Single(h.State.GetMessage(message.Id)!.Reactions);
        var unknown = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.AddOwnReactionAsync(h.Demo.General.Id, message.Id, ReactionEmoji.Custom("nope", 42), Ct));
        Assert.Equal(DiscordErrorCodes.UnknownEmoji, unknown.Code);
    }

    [Fact]
    public async Task CreateThreadAsync_TextAndForum_CreateThreads()
    {
        await using var h = await DiscordHarness.StartAsync();
        var thread = await h.Client.CreateThreadAsync(h.Demo.General.Id, new CreateThreadRequest { Name = "new topic", AutoArchiveDuration = 60 }, Ct);
        Assert.Equal(ChannelType.PublicThread, thread.Type);
        Assert.Equal(h.Demo.General.Id, thread.ParentId);
        var post = await h.Client.CreateThreadAsync(h.Demo.Forum.Id, new CreateThreadRequest { Name = "an idea", Message = new ForumThreadMessage { Content = "what if" } }, Ct);
        Assert.Equal(h.Demo.Forum.Id, post.ParentId);
        Assert.Equal("what if", h.State.GetMessages(post.Id).Single().Content);
    }

    [Fact]
    public async Task Webhooks_CreateListGetExecuteEditDelete_RoundTrip()
    {
        await using var h = await DiscordHarness.StartAsync();
        var created = await h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "MCPilot" }, Ct);
        Assert.Equal(WebhookType.Incoming, created.Type);
        Assert.Equal(h.State.ApplicationId, created.ApplicationId);
        Assert.NotNull(created.Token);
        Assert.DoesNotContain(created.Token!, created.ToString(), StringComparison.Ordinal);

        var listed = await h.Client.GetChannelWebhooksAsync(h.Demo.General.Id, Ct);
        Assert.Equal(created.Id, listed.Single().Id);
        Assert.Equal(created.Id, (await h.Client.GetWebhookAsync(created.Id, Ct)).Id);

        var posted = await h.Client.ExecuteWebhookAsync(created.Id, created.Token!, new ExecuteWebhookRequest { Content = "in the thread", Username = "Nova", AvatarUrl = "https://example.com/nova.png" }, h.Demo.Thread.Id, Ct);
        Assert.Equal(created.Id, posted.WebhookId);
        Assert.Equal(h.Demo.Thread.Id, posted.ChannelId);
        Assert.Equal("Nova", posted.Author.Username);
        Assert.True(posted.IsWebhookMessage);

        var edited = await h.Client.EditWebhookMessageAsync(created.Id, created.Token!, posted.Id, new EditWebhookMessageRequest { Content = "edited" }, h.Demo.Thread.Id, Ct);
        Assert.Equal("edited", edited.Content);
        Assert.NotNull(edited.EditedTimestamp);
        await h.Client.DeleteWebhookMessageAsync(created.Id, created.Token!, posted.Id, h.Demo.Thread.Id, Ct);
        Assert.Empty(h.State.GetMessages(h.Demo.Thread.Id));

        await h.Client.DeleteWebhookAsync(created.Id, Ct);
        var gone = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetWebhookAsync(created.Id, Ct));
        Assert.Equal(DiscordErrorCodes.UnknownWebhook, gone.Code);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Commands_BulkOverwrite_GlobalAndGuild()
    {
        await using var h = await DiscordHarness.StartAsync();
        ApplicationCommandDefinition[] commands =
        [
            new() { Name = "talk", Description = "Pick the entity you talk to", Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "entity", Description = "Its name", Required = true }] },
            new() { Name = "status", Description = "Show MCPilot's status", DefaultMemberPermissions = DiscordPermissions.ManageGuild },
        ];
        var global = await h.Client.BulkOverwriteGlobalCommandsAsync(commands, Ct);
        Assert.Equal(["talk", "status"], global.Select(c => c.Name));
        Assert.All(global, c => Assert.Equal(h.State.ApplicationId, c.ApplicationId));
        Assert.Equal(DiscordPermissions.ManageGuild, global[1].DefaultMemberPermissions);
        var again = await h.Client.BulkOverwriteGlobalCommandsAsync(commands, Ct);
        Assert.Equal(global.Select(c => (c.Id, c.Version)), again.Select(c => (c.Id, c.Version)));
        Assert.Equal(2, (await h.Client.GetGlobalCommandsAsync(Ct)).Count);

        var guild = await h.Client.BulkOverwriteGuildCommandsAsync(h.Demo.Guild.Id, [commands[0]], Ct);
        Assert.Equal(h.Demo.Guild.Id, guild.Single().GuildId);
        Assert.Single(await h.Client.GetGuildCommandsAsync(h.Demo.Guild.Id, Ct));

        var invalid = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.BulkOverwriteGlobalCommandsAsync([new ApplicationCommandDefinition { Name = "Bad Name", Description = "x" }], Ct));
        Assert.Equal(DiscordErrorCodes.InvalidFormBody, invalid.Code);
        Assert.Equal("0.name", invalid.FieldErrors.Single().Path);
    }

    [Fact]
    public async Task Interactions_ReplyDeferEditFollowup_RoundTrip()
    {
        await using var h = await DiscordHarness.StartAsync();
        var app = await h.Client.GetApplicationIdAsync(Ct);
        var first = h.State.CreateInteraction(h.Demo.General.Id, h.Demo.Alice.Id, "status");
        await h.Client.CreateInteractionResponseAsync(first.Id, first.Token, InteractionResponse.Reply("all good", ephemeral: true), Ct);
        Assert.Equal(4, h.State.GetInteraction(first.Id)!.ResponseType);
        var original = await h.Client.GetOriginalInteractionResponseAsync(app, first.Token, Ct);
        Assert.Equal("all good", original.Content);
        Assert.True(original.Flags.HasFlag(MessageFlags.Ephemeral));
        var twice = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateInteractionResponseAsync(first.Id, first.Token, InteractionResponse.Reply("again"), Ct));
        Assert.Equal(DiscordErrorCodes.InteractionAlreadyAcknowledged, twice.Code);

        var slow = h.State.CreateInteraction(h.Demo.General.Id, h.Demo.Bob.Id, "talk");
        await h.Client.CreateInteractionResponseAsync(slow.Id, slow.Token, InteractionResponse.Defer(), Ct);
        var done = await h.Client.EditOriginalInteractionResponseAsync(app, slow.Token, new EditWebhookMessageRequest { Content = "done thinking" }, Ct);
        Assert.Equal("done thinking", done.Content);
        Assert.False(done.Flags.HasFlag(MessageFlags.Loading));
        var followup = await h.Client.CreateFollowupMessageAsync(app, slow.Token, new ExecuteWebhookRequest { Content = "psst", Flags = MessageFlags.Ephemeral }, Ct);
        Assert.Equal([followup.Id], h.State.GetInteraction(slow.Id)!.FollowupMessageIds);
        await h.Client.DeleteOriginalInteractionResponseAsync(app, slow.Token, Ct);
        Assert.DoesNotContain(h.State.GetMessages(h.Demo.General.Id), m => m.Id == done.Id);
    }

    [Fact]
    public async Task Errors_UnknownChannelAndInvalidForm_AreTyped()
    {
        await using var h = await DiscordHarness.StartAsync();
        var unknown = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync(123456789, Ct));
        Assert.Equal(DiscordErrorCodes.UnknownChannel, unknown.Code);
        Assert.Equal("GET /channels/{channel_id}", unknown.Route);
        Assert.Contains("Unknown Channel", unknown.Message, StringComparison.Ordinal);

        var webhook = await h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "hook" }, Ct);
        var invalid = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.ExecuteWebhookAsync(webhook.Id, webhook.Token!, new ExecuteWebhookRequest { Content = "x", Username = "Discord Bot" }, null, Ct));
        Assert.Equal(DiscordErrorCodes.InvalidFormBody, invalid.Code);
        var field = invalid.FieldErrors.Single();
        Assert.Equal("username", field.Path);
        Assert.Equal("USERNAME_INVALID_CONTAINS", field.Code);
        Assert.DoesNotContain(webhook.Token!, invalid.Message, StringComparison.Ordinal);

        h.State.DenyBotPermission(h.Demo.Random.Id, FakeBotPermission.SendMessages);
        var denied = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(h.Demo.Random.Id, new CreateMessageRequest { Content = "x" }, Ct));
        Assert.Equal(DiscordErrorCodes.MissingPermissions, denied.Code);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(1, h.Transport.InvalidRequestCount);
    }

    [Fact]
    public async Task Errors_ChannelTheBotCannotSee_AreMissingAccess()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.State.DenyBotPermission(h.Demo.Random.Id, FakeBotPermission.ViewChannel);

        var read = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetMessagesAsync(h.Demo.Random.Id, MessageQuery.Latest(5), Ct));
        Assert.Equal(DiscordErrorCodes.MissingAccess, read.Code);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("GET /channels/{channel_id}/messages", read.Route);
        Assert.Equal("Missing Access", read.DiscordMessage);
        Assert.Contains("code 50001", read.Message, StringComparison.Ordinal);

        var send = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(h.Demo.Random.Id, new CreateMessageRequest { Content = "x" }, Ct));
        Assert.Equal(DiscordErrorCodes.MissingAccess, send.Code);
        Assert.Empty(h.State.GetMessages(h.Demo.Random.Id));
    }

    /// <summary>Webhook and interaction tokens travel in the URL path; nothing MCPilot composes may log them.</summary>
    [Fact]
    public async Task WebhookAndInteractionRoutes_LoggedAtTrace_NeverShowTheirTokens()
    {
        var logs = new ListLoggerProvider();
        await using var h = await DiscordHarness.StartAsync(logging: logs);
        var webhook = await h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "hook" }, Ct);
        var token = webhook.Token!;

        // A lost answer makes the execution log its retry and its reconcile as well.
        h.Fake.Faults.FailNext(1, 502, "POST /webhooks/{webhook_id}/{webhook_token}", afterProcessing: true);
        var posted = await h.Client.ExecuteWebhookAsync(webhook.Id, token, new ExecuteWebhookRequest { Content = "hello", Username = "Nova" }, null, Ct);
        await h.Client.EditWebhookMessageAsync(webhook.Id, token, posted.Id, new EditWebhookMessageRequest { Content = "edited" }, null, Ct);
        await h.Client.DeleteWebhookMessageAsync(webhook.Id, token, posted.Id, null, Ct);

        var app = await h.Client.GetApplicationIdAsync(Ct);
        var interaction = h.State.CreateInteraction(h.Demo.General.Id, h.Demo.Alice.Id, "status");
        await h.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer(), Ct);
        await h.Client.CreateFollowupMessageAsync(app, interaction.Token, new ExecuteWebhookRequest { Content = "follow-up" }, Ct);
        await h.Client.EditOriginalInteractionResponseAsync(app, interaction.Token, new EditWebhookMessageRequest { Content = "done" }, Ct);

        // The requests were logged (by route template), at Trace and above...
        Assert.Contains(logs.Entries, e => e.Message.Contains("POST /webhooks/{webhook_id}/{webhook_token}", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("POST /webhooks/{application_id}/{interaction_token}", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("Retrying", StringComparison.Ordinal));

        // ...and no message, exception or scope carries either token.
        foreach (var secret in new[] { token, Uri.EscapeDataString(token), interaction.Token, Uri.EscapeDataString(interaction.Token) })
        {
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Scopes, s => s.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WrongToken_FailsWithAdvice_AndStopsSending()
    {
        await using var h = await DiscordHarness.StartAsync(token: "bm90LXRoZS10b2tlbg.AAAAAA.wrongwrongwrongwrongwrongwrong");
        var first = await Assert.ThrowsAsync<DiscordAuthenticationException>(() => h.Client.GetCurrentUserAsync(Ct));
        Assert.Contains("token", first.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("DISCORD_TOKEN", first.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrongwrong", first.Message, StringComparison.Ordinal);
        var requests = h.Fake.RequestCount;
        var second = await Assert.ThrowsAsync<DiscordAuthenticationException>(() => h.Client.GetGuildChannelsAsync(h.Demo.Guild.Id, Ct));
        Assert.Contains("already rejected", second.Message, StringComparison.Ordinal);
        Assert.Equal(requests, h.Fake.RequestCount);
    }
}
