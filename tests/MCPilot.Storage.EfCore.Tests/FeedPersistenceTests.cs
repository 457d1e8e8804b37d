using MCPilot.Entities;
using MCPilot.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>
/// Feed persistence end to end on the embedded SQLite store: a host routes messages to an entity,
/// the entity reads some, the host stops, and a new host on the same database starts.
/// </summary>
public sealed class FeedPersistenceTests
{
    // Messages are posted "now": persisted ones older than the retention (a week) are deleted at start.
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_PersistOn_UnreadMessagesDmsAndCursorsSurvive()
    {
        using var sqlite = new TestSqliteDatabase();
        var settings = Settings(sqlite, persist: true);
        var ada = await RunFirstHostAsync(settings, async (host, router, ada) =>
        {
            await router.RouteAsync(Message(1, "good morning"), Ct);
            await router.RouteAsync(Message(2, "Ada, are you there?"), Ct);
            await router.RouteAsync(Message(3, "anyone?"), Ct);
            await host.Services.GetRequiredService<IDmRouteStore>().SetActiveEntityAsync(900, ada, Ct);
            await router.RouteAsync(Message(4, "a private word", guildId: null), Ct);
            Assert.Single(router.GetFeed(ada).Read(limit: 1).Messages);
        });

        using var second = await StartHostAsync(settings);
        var again = second.Services.GetRequiredService<EntityRouter>();
        var feed = again.GetFeed(ada);

        Assert.Equal(2, feed.UnreadCount);
        Assert.Equal(1, feed.UnreadMentionCount);
        Assert.Equal(["Ada, are you there?"], feed.Read(mentionsOnly: true, markRead: false).Messages.Select(m => m.Message.Content));
        Assert.Equal(["a private word"], again.GetDirectMessages(ada).Read().Messages.Select(m => m.Message.Content));
        await again.RouteAsync(Message(5, "back again"), Ct);
        Assert.Equal(["Ada, are you there?", "anyone?", "back again"], feed.Read().Messages.Select(m => m.Message.Content));
        Assert.Equal(4, feed.Read(afterSequence: 0).Messages.Count);
        await second.StopAsync(Ct);
    }

    [Fact]
    public async Task Restart_PersistOff_NoMessageIsWrittenAndFeedsStartEmpty()
    {
        using var sqlite = new TestSqliteDatabase();
        var settings = Settings(sqlite, persist: false);
        var ada = await RunFirstHostAsync(settings, (_, router, _) => router.RouteAsync(Message(1, "Ada, remember this"), Ct).AsTask());

        Assert.Equal(["0"], await StoreSql.QueryAsync(sqlite.ConnectionString, "SELECT COUNT(*) FROM mcpilot_entity_feed_messages"));
        Assert.Equal(["0"], await StoreSql.QueryAsync(sqlite.ConnectionString, "SELECT COUNT(*) FROM mcpilot_entity_feeds"));
        using var second = await StartHostAsync(settings);

        Assert.Equal(0, second.Services.GetRequiredService<EntityRouter>().GetFeed(ada).Count);
        await second.StopAsync(Ct);
    }

    [Fact]
    public async Task Restart_StoredMessageUnreadable_IsDroppedAndTheRestOfTheFeedRestored()
    {
        using var sqlite = new TestSqliteDatabase();
        var settings = Settings(sqlite, persist: true);
        var ada = await RunFirstHostAsync(settings, async (_, router, _) =>
        {
            await router.RouteAsync(Message(1, "first"), Ct);
            await router.RouteAsync(Message(2, "second"), Ct);
        });

        await StoreSql.QueryAsync(sqlite.ConnectionString, "UPDATE mcpilot_entity_feed_messages SET message = '{\"GuildId\": \"not a number' WHERE sequence = 1");
        using var second = await StartHostAsync(settings);
        var feed = second.Services.GetRequiredService<EntityRouter>().GetFeed(ada);
        await second.Services.GetRequiredService<EntityRouter>().RouteAsync(Message(3, "third"), Ct);

        Assert.Equal(["second", "third"], feed.Read().Messages.Select(m => m.Message.Content));
        await second.StopAsync(Ct);
        Assert.Equal(["2", "3"], await StoreSql.QueryAsync(sqlite.ConnectionString, "SELECT sequence FROM mcpilot_entity_feed_messages ORDER BY sequence"));
    }

    private static Dictionary<string, string?> Settings(TestSqliteDatabase sqlite, bool persist) => new()
    {
        ["MCPilot:Storage:DataDirectory"] = sqlite.Directory,
        ["MCPilot:Entities:Feeds:Persist"] = persist ? "true" : "false",
    };

    // Starts a host, creates Ada, runs act, and stops the host; returns Ada's id.
    private static async Task<EntityId> RunFirstHostAsync(Dictionary<string, string?> settings, Func<IHost, EntityRouter, EntityId, Task> act)
    {
        using var host = await StartHostAsync(settings);
        var ada = await host.Services.GetRequiredService<EntityRegistry>().CreateAsync(
            new Entity { Id = default, Name = "Ada", Guilds = [new EntityGuildMembership(1, ChannelPolicy.AllowAll)] }, Ct);
        await act(host, host.Services.GetRequiredService<EntityRouter>(), ada.Id);
        await host.StopAsync(Ct);
        return ada.Id;
    }

    private static async Task<IHost> StartHostAsync(Dictionary<string, string?> settings)
    {
        var host = TestHost.Build(settings, b => b.AddEfStore().AddEntities());
        await host.StartAsync(Ct);
        await LoadedAsync(host);
        return host;
    }

    // The entities and the stored feeds load in the background after start (what readiness waits for).
    private static async Task LoadedAsync(IHost host)
    {
        var registry = host.Services.GetRequiredService<EntityRegistry>();
        var router = host.Services.GetRequiredService<EntityRouter>();
        for (var i = 0; i < 1000 && !(registry.IsLoaded && router.FeedsReady); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(registry.IsLoaded && router.FeedsReady, "the entities and feeds did not load within 10 s");
    }

    private static InboundMessage Message(ulong id, string content, ulong? guildId = 1) => new()
    {
        GuildId = guildId,
        ChannelId = guildId is null ? 77UL : 10UL,
        MessageId = id,
        AuthorId = 900,
        AuthorName = "Grace",
        Content = content,
        Timestamp = Now.AddSeconds(id),
    };
}
