using MCPilot.Activity;
using MCPilot.Entities;

namespace MCPilot.Tests.Fakes;

/// <summary>Test views over the stores (the real in-memory ones, from <c>AddInMemoryStores()</c>).</summary>
public static class StoreViews
{
    /// <summary>Every audit record, oldest first.</summary>
    public static IReadOnlyList<ToolCallRecord> Records(this IToolCallAuditLog log) =>
        [.. log.QueryAsync(null, null, int.MaxValue).GetAwaiter().GetResult().Reverse()];

    /// <summary>The messages counted for a guild on one day, by entity.</summary>
    public static IReadOnlyList<LeaderboardRow> CountsOn(this IMessageCounterStore counters, ulong guildId, DateOnly day) =>
        counters.GetLeaderboardAsync(guildId, day, day, int.MaxValue).GetAwaiter().GetResult();
}

/// <summary>An entity store that fails to list while <c>fail()</c> says so (an unreachable database).</summary>
public sealed class UnreliableEntityStore(IEntityStore inner, Func<bool> fail) : IEntityStore
{
    public Task<Entity?> GetAsync(EntityId id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Entity>> ListAsync(CancellationToken cancellationToken = default) =>
        fail() ? throw new IOException("store unreachable") : inner.ListAsync(cancellationToken);

    public Task<IReadOnlyList<Entity>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken = default) => inner.ListByGuildAsync(guildId, cancellationToken);

    public Task<IReadOnlyList<Entity>> ListByChannelAsync(ulong guildId, ulong channelId, ulong? parentChannelId = null, CancellationToken cancellationToken = default) =>
        inner.ListByChannelAsync(guildId, channelId, parentChannelId, cancellationToken);

    public Task<Entity> CreateAsync(Entity entity, CancellationToken cancellationToken = default) => inner.CreateAsync(entity, cancellationToken);

    public Task<Entity> UpdateAsync(Entity entity, CancellationToken cancellationToken = default) => inner.UpdateAsync(entity, cancellationToken);

    public Task<bool> DeleteAsync(EntityId id, CancellationToken cancellationToken = default) => inner.DeleteAsync(id, cancellationToken);
}
