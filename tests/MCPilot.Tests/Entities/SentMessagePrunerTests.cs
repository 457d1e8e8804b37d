using MCPilot.Entities;
using MCPilot.Storage.InMemory;
using MCPilot.Testing;
using MCPilot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace MCPilot.Tests.Entities;

public sealed class SentMessagePrunerTests
{
    [Fact]
    public async Task PruneAsync_RecordsOlderThanRetention_DeletedOthersKept()
    {
        var time = new ManualTimeProvider();
        var store = new InMemorySentMessageStore();
        var ada = EntityId.New();
        await store.RecordAsync(new SentMessage(1, ada, 1, 1, time.GetUtcNow()), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromDays(20));
        await store.RecordAsync(new SentMessage(2, ada, 1, 1, time.GetUtcNow()), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromDays(15));
        var pruner = new SentMessagePruner(store, new StaticOptionsMonitor<EntityOptions>(new EntityOptions { SentMessageRetention = TimeSpan.FromDays(30) }), time, NullLogger<SentMessagePruner>.Instance);

        Assert.Equal(1, await pruner.PruneAsync(TestContext.Current.CancellationToken));

        Assert.Null(await store.FindAsync(1, TestContext.Current.CancellationToken));
        Assert.NotNull(await store.FindAsync(2, TestContext.Current.CancellationToken));
    }
}
