using MCPilot.Activity;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Per-entity message counters on EF Core, keyed (guild, day, entity) so the leaderboard reads one index range.</summary>
internal sealed class EfMessageCounterStore(IStoreContextSource source) : IMessageCounterStore
{
    public async Task IncrementAsync(EntityId entityId, ulong guildId, DateOnly day, int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var guild = RowMapping.Db(guildId);
        using var context = source.Open();
        var counters = context.Db.Set<MessageCounterRow>();

        // The addition happens in the database (SET messages = messages + n), so concurrent increments never lose one.
        await Upsert.RunAsync(
            () => counters.Where(c => c.GuildId == guild && c.Day == day && c.EntityId == entityId.Value)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Messages, c => c.Messages + count), cancellationToken),
            context.Db,
            () => new MessageCounterRow { GuildId = guild, Day = day, EntityId = entityId.Value, Messages = count },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(ulong guildId, DateOnly from, DateOnly to, int limit = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var guild = RowMapping.Db(guildId);
        using var context = source.Open();
        var rows = await context.Db.Set<MessageCounterRow>().AsNoTracking()
            .Where(c => c.GuildId == guild && c.Day >= from && c.Day <= to)
            .GroupBy(c => c.EntityId)
            .Select(g => new { EntityId = g.Key, Messages = g.Sum(c => c.Messages) })
            .OrderByDescending(r => r.Messages).ThenBy(r => r.EntityId)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new LeaderboardRow(new EntityId(r.EntityId), r.Messages))];
    }
}
