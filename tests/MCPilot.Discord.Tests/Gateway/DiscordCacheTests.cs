using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using Microsoft.Extensions.DependencyInjection;
using static MCPilot.Discord.Tests.Gateway.GatewayEventDecoderTests;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class DiscordCacheTests
{
    private const string Guild = """
        {"id":"100","name":"G","owner_id":"7","roles":[{"id":"100","name":"@everyone","permissions":"1024","position":0},{"id":"101","name":"Mods","permissions":"32","position":1}],
         "channels":[{"id":"200","type":0,"name":"general","position":0},{"id":"201","type":15,"name":"ideas","position":1}],
         "threads":[{"id":"300","type":11,"name":"t","parent_id":"200","thread_metadata":{"archived":false,"locked":false,"auto_archive_duration":60,"archive_timestamp":"2025-01-01T00:00:00+00:00"}}]}
        """;

    private static DiscordCache Seeded()
    {
        var cache = new DiscordCache();
        cache.Apply(Decode("READY", """{"v":10,"user":{"id":"9","username":"bot"},"guilds":[{"id":"100","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://r","shard":[0,1]}"""));
        cache.Apply(Decode("GUILD_CREATE", Guild));
        return cache;
    }

    [Fact]
    public void GuildCreate_FillsGuildChannelsThreadsAndRoles()
    {
        var cache = Seeded();
        Assert.Equal(9UL, cache.CurrentUserId);
        Assert.Equal(new CachedGuild(100, "G", 7, false), cache.GetGuild(100));
        Assert.Equal([200UL, 201UL, 300UL], cache.GetChannels(100).Select(c => c.Id));
        var thread = cache.GetChannel(300)!;
        Assert.True(thread.IsThread);
        Assert.Equal(200UL, thread.PolicyChannelId);
        Assert.Equal([300UL], cache.GetThreads(200).Select(t => t.Id));
        Assert.Equal(["Mods", "@everyone"], cache.GetRoles(100).Select(r => r.Name));
    }

    [Fact]
    public void ChannelAndThreadEvents_KeepTheParentRelation()
    {
        var cache = Seeded();
        cache.Apply(Decode("THREAD_CREATE", """{"id":"301","type":11,"guild_id":"100","parent_id":"201","name":"post"}"""));
        Assert.Equal(201UL, cache.GetChannel(301)!.ParentId);
        cache.Apply(Decode("THREAD_UPDATE", """{"id":"301","type":11,"guild_id":"100","parent_id":"201","name":"post","thread_metadata":{"archived":true,"locked":true,"auto_archive_duration":60,"archive_timestamp":"2025-01-01T00:00:00+00:00"}}"""));
        Assert.True(cache.GetChannel(301)!.Archived);
        var message = (MessageCreateEvent)Decode("MESSAGE_CREATE", """{"id":"1","channel_id":"301","guild_id":"100","author":{"id":"5","username":"a"},"content":"x","timestamp":"2025-01-01T00:00:00+00:00"}""");
        cache.Apply(message);
        Assert.Equal(201UL, message.ParentChannelId);

        cache.Apply(Decode("CHANNEL_DELETE", """{"id":"201","type":15,"guild_id":"100"}"""));
        Assert.Null(cache.GetChannel(201));
        Assert.Null(cache.GetChannel(301));
        cache.Apply(Decode("THREAD_DELETE", """{"id":"300","type":11,"guild_id":"100","parent_id":"200"}"""));
        Assert.Empty(cache.GetThreads(200));
        cache.Apply(Decode("CHANNEL_UPDATE", """{"id":"200","type":0,"guild_id":"100","name":"renamed","position":0}"""));
        Assert.Equal("renamed", cache.GetChannel(200)!.Name);
    }

    [Fact]
    public void ThreadListSync_ReplacesTheActiveThreadsOfTheSyncedChannels()
    {
        var cache = Seeded();
        cache.Apply(Decode("THREAD_LIST_SYNC", """{"guild_id":"100","channel_ids":["200"],"threads":[{"id":"302","type":11,"parent_id":"200"}],"members":[]}"""));
        Assert.Equal([302UL], cache.GetThreads(200).Select(t => t.Id));
        Assert.Equal(100UL, cache.GetChannel(302)!.GuildId);
    }

    [Fact]
    public void RoleEvents_AndGuildDelete_UpdateTheCache()
    {
        var cache = Seeded();
        cache.Apply(Decode("GUILD_ROLE_CREATE", """{"guild_id":"100","role":{"id":"102","name":"New","permissions":"0","position":2}}"""));
        cache.Apply(Decode("GUILD_ROLE_UPDATE", """{"guild_id":"100","role":{"id":"101","name":"Moderators","permissions":"32","position":1}}"""));
        cache.Apply(Decode("GUILD_ROLE_DELETE", """{"guild_id":"100","role_id":"100"}"""));
        Assert.Equal(["New", "Moderators"], cache.GetRoles(100).Select(r => r.Name));

        cache.Apply(Decode("GUILD_DELETE", """{"id":"100","unavailable":true}"""));
        Assert.True(cache.GetGuild(100)!.Unavailable);
        Assert.NotNull(cache.GetChannel(200));
        cache.Apply(Decode("GUILD_DELETE", """{"id":"100"}"""));
        Assert.Null(cache.GetGuild(100));
        Assert.Null(cache.GetChannel(200));
        Assert.Empty(cache.GetRoles(100));
    }

    [Fact]
    public void Ready_NewSession_ForgetsGuildsOfTheShardThatAreGone()
    {
        var cache = Seeded();
        cache.Apply(Decode("READY", """{"v":10,"user":{"id":"9","username":"bot"},"guilds":[],"session_id":"s2","resume_gateway_url":"wss://r","shard":[0,1]}"""));
        Assert.Empty(cache.Guilds);
        Assert.Null(cache.GetChannel(200));
    }

    [Fact]
    public void Apply_NullParts_AreSkipped_TheRestIsApplied()
    {
        var cache = Seeded();
        cache.Apply(new GuildRoleCreateEvent { GuildId = 100, Role = null! });
        cache.Apply(new ReadyEvent { User = null!, Guilds = null!, Shard = [0, 1] });
        cache.Apply(new ThreadListSyncEvent { GuildId = 100, Threads = null! });
        Assert.Equal(9UL, cache.CurrentUserId);
        Assert.Equal(["Mods", "@everyone"], cache.GetRoles(100).Select(r => r.Name));
        Assert.Equal([300UL], cache.GetThreads(200).Select(t => t.Id));

        cache.Apply(Decode("GUILD_CREATE", """{"id":"100","name":"G2","owner_id":"7","roles":[null,{"id":"101","name":"Mods","permissions":"32","position":1}],"channels":[null,{"id":"200","type":0,"name":"general","position":0}],"threads":[null]}"""));
        Assert.Equal("G2", cache.GetGuild(100)!.Name);
        Assert.Equal(["Mods"], cache.GetRoles(100).Select(r => r.Name));
        Assert.Equal([200UL], cache.GetChannels(100).Select(c => c.Id));
    }

    [Fact]
    public async Task FakeDiscordAdminChanges_ThroughTheGateway_KeepTheCacheCurrent()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.WaitForAsync<GuildCreateEvent>();
        var cache = h.Services.GetRequiredService<IDiscordCache>();
        var demo = h.Demo!;
        var side = h.State.CreateThread(demo.Random.Id, "side talk", demo.Bob.Id);
        h.State.RenameChannel(demo.General.Id, "lobby");
        h.State.RenameChannel(demo.Thread.Id, "renamed thread");
        h.State.UpdateGuild(demo.Guild.Id, "Renamed");
        h.State.DeleteChannel(demo.Thread.Id);
        h.State.DeleteChannel(demo.Random.Id);
        var second = h.State.CreateGuild("second");
        await h.WaitForAsync<GuildCreateEvent>(g => g.Guild.Id == second.Id);
        Assert.NotNull(cache.GetGuild(second.Id));
        h.State.RemoveGuild(second.Id);
        await h.WaitForAsync<GuildDeleteEvent>(g => g.Id == second.Id);

        Assert.Equal("Renamed", cache.GetGuild(demo.Guild.Id)!.Name);
        Assert.Equal("lobby", cache.GetChannel(demo.General.Id)!.Name);
        Assert.Null(cache.GetChannel(demo.Thread.Id));
        Assert.Empty(cache.GetThreads(demo.General.Id));
        Assert.Null(cache.GetChannel(demo.Random.Id));
        Assert.Null(cache.GetChannel(side.Id));
        Assert.Equal([demo.General.Id, demo.Forum.Id, demo.ForumPost.Id], cache.GetChannels(demo.Guild.Id).Select(c => c.Id).Order());
        Assert.Null(cache.GetGuild(second.Id));
        Assert.Equal([demo.Guild.Id], cache.Guilds.Select(g => g.Id));
        Assert.IsType<ThreadDeleteEvent>(Assert.Single(h.Events<ChannelEvent>(), e => e.Channel.Id == demo.Thread.Id && e is ThreadDeleteEvent));
    }

    [Fact]
    public async Task GetParentChannelIdAsync_UnknownThread_FetchesOnceOverRest()
    {
        await using var h = await DiscordHarness.StartAsync();
        var cache = new DiscordCache(h.Client);
        Assert.Equal(h.Demo.General.Id, await cache.GetParentChannelIdAsync(h.Demo.Thread.Id, TestContext.Current.CancellationToken));
        Assert.Null(await cache.GetParentChannelIdAsync(h.Demo.General.Id, TestContext.Current.CancellationToken));
        var fetches = h.Fake.Exchanges.Count(e => e.Route == "/channels/{channel_id}");
        Assert.Equal(h.Demo.General.Id, await cache.GetParentChannelIdAsync(h.Demo.Thread.Id, TestContext.Current.CancellationToken));
        Assert.Equal(fetches, h.Fake.Exchanges.Count(e => e.Route == "/channels/{channel_id}"));
        Assert.Null(await cache.GetOrFetchChannelAsync(123456789, TestContext.Current.CancellationToken));
    }
}
