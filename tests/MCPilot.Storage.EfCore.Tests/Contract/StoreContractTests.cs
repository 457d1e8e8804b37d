using MCPilot.Activity;
using MCPilot.Conversations;
using MCPilot.Entities;
using MCPilot.Servers;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests.Contract;

/// <summary>
/// The store contract: every behaviour the core relies on, run against each store set (in memory,
/// SQLite, PostgreSQL). Tests share their class's database, so each uses ids of its own.
/// </summary>
public abstract partial class StoreContractTests(StoreFixture fixture)
{
    /// <summary>A whole-millisecond instant (PostgreSQL keeps microseconds, SQLite and memory keep ticks).</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IEntityStore Entities => Get<IEntityStore>();

    protected IEntityCredentialStore Credentials => Get<IEntityCredentialStore>();

    protected IDmRouteStore DmRoutes => Get<IDmRouteStore>();

    protected ISentMessageStore SentMessages => Get<ISentMessageStore>();

    protected IOwnerSaltStore Salts => Get<IOwnerSaltStore>();

    protected IEntityAvatarStore Avatars => Get<IEntityAvatarStore>();

    protected IMcpServerStore Servers => Get<IMcpServerStore>();

    protected IConversationStore Conversations => Get<IConversationStore>();

    protected IMessageCounterStore Counters => Get<IMessageCounterStore>();

    protected IToolCallAuditLog Audit => Get<IToolCallAuditLog>();

    /// <summary>A random snowflake, sometimes with the top bit set (stores keep all 64 bits).</summary>
    protected static ulong Snowflake() => (ulong)Random.Shared.NextInt64(1, long.MaxValue) | (Random.Shared.Next(4) == 0 ? 1UL << 63 : 0);

    protected static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    protected static Entity NewEntity(string? name = null, params EntityGuildMembership[] guilds) => new()
    {
        Id = EntityId.New(),
        Name = name ?? UniqueName("Ada"),
        Guilds = guilds,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    protected static EntityGuildMembership Member(ulong guildId, IEnumerable<ulong>? allow = null, IEnumerable<ulong>? deny = null) =>
        new(guildId, new ChannelPolicy { Allow = (allow ?? []).ToHashSet(), Deny = (deny ?? []).ToHashSet() });

    /// <summary>
    /// Runs eight updates at once, all from the same read, each writing its own value; asserts
    /// that exactly one succeeds and every other fails with a concurrency conflict.
    /// </summary>
    /// <returns>The value the one successful update wrote.</returns>
    protected static async Task<string> RaceFromSameReadAsync(Func<string, Task> update)
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var value = "writer " + i;
            try
            {
                await update(value);
                return (Value: value, Error: (StoreError?)null);
            }
            catch (StoreException e)
            {
                return (Value: value, Error: (StoreError?)e.Error);
            }
        }, Ct)).ToList();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Error is null);
        Assert.All(results.Where(r => r.Error is not null), r => Assert.Equal(StoreError.ConcurrencyConflict, r.Error));
        return winner.Value;
    }

    protected T Get<T>()
        where T : notnull => fixture.Services.GetRequiredService<T>();
}
