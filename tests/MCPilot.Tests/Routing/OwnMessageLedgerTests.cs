using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Storage.InMemory;
using MCPilot.Testing;
using MCPilot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using static MCPilot.Tests.Entities.EntityRegistryTests;

namespace MCPilot.Tests.Routing;

public sealed class OwnMessageLedgerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task OwnerOfAsync_RecordedByAnEarlierLedger_FoundInTheStore()
    {
        var store = new InMemorySentMessageStore();
        var ada = EntityId.New();
        await Ledger(store).RecordAsync(new SentMessage(10, ada, 1, 2, _time.GetUtcNow()));

        var afterRestart = Ledger(store);

        Assert.Equal(ada, await afterRestart.OwnerOfAsync(10, Token));
        Assert.Null(await afterRestart.OwnerOfAsync(11, Token));
    }

    [Fact]
    public async Task RecordAsync_StoresFail_LoggedNotThrownAndStillKnownInMemory()
    {
        var ledger = Ledger(new FailingSentMessageStore(), new FailingCounterStore());
        var ada = EntityId.New();

        await ledger.RecordAsync(new SentMessage(10, ada, 1, 2, _time.GetUtcNow()));

        Assert.Equal(ada, await ledger.OwnerOfAsync(10, Token));
        Assert.Null(await ledger.OwnerOfAsync(11, Token));
    }

    [Fact]
    public async Task AttributeAsync_AnnouncedWebhookEcho_AttributedOnceAndOnlyInItsChannel()
    {
        var ledger = Ledger(new InMemorySentMessageStore());
        var ada = EntityId.New();
        ledger.Expect(ada, 10, "hello");

        Assert.Null(await ledger.AttributeAsync(Message(channel: 11, id: 1, content: "hello", webhook: 5), Token));
        Assert.Null(await ledger.AttributeAsync(Message(channel: 10, id: 2, content: "hello"), Token));
        Assert.Equal(ada, await ledger.AttributeAsync(Message(channel: 10, id: 3, content: "hello", webhook: 5), Token));
        Assert.Null(await ledger.AttributeAsync(Message(channel: 10, id: 4, content: "hello", webhook: 5), Token));
        Assert.Equal(ada, await ledger.OwnerOfAsync(3, Token));
    }

    [Fact]
    public async Task AttributeAsync_AnnouncementExpired_NotAttributed()
    {
        var ledger = Ledger(new InMemorySentMessageStore());
        ledger.Expect(EntityId.New(), 10, "hello");

        _time.Advance(new EntityOptions().ExpectedMessageLifetime);

        Assert.Null(await ledger.AttributeAsync(Message(channel: 10, id: 3, content: "hello", webhook: 5), Token));
    }

    private OwnMessageLedger Ledger(ISentMessageStore store, IMessageCounterStore? counters = null) =>
        new(store, counters ?? new InMemoryMessageCounterStore(new InMemoryEntityStore()), new StaticOptionsMonitor<EntityOptions>(new EntityOptions()), _time, NullLogger<OwnMessageLedger>.Instance);

    private sealed class FailingSentMessageStore : ISentMessageStore
    {
        public Task RecordAsync(SentMessage message, CancellationToken cancellationToken = default) => throw new IOException("database down");

        public Task<SentMessage?> FindAsync(ulong messageId, CancellationToken cancellationToken = default) => throw new IOException("database down");

        public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => throw new IOException("database down");
    }

    private sealed class FailingCounterStore : IMessageCounterStore
    {
        public Task IncrementAsync(EntityId entityId, ulong guildId, DateOnly day, int count = 1, CancellationToken cancellationToken = default) => throw new IOException("database down");

        public Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(ulong guildId, DateOnly from, DateOnly to, int limit = 10, CancellationToken cancellationToken = default) => throw new IOException("database down");
    }
}
