using MCPilot.Routing;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Persisted entity feeds on EF Core: per node, a row per feed (cursors, dropped count) and a row per
/// message it holds, both deleted with their entity. A save is one transaction; it replaces the
/// messages it carries (so a repeated save changes nothing) and deletes the ones that fell out of
/// the feed. A message that can no longer be read is deleted on load, never half-restored.
/// </summary>
/// <param name="source">The contexts.</param>
/// <param name="logger">The log (a bot's container may have no logging).</param>
internal sealed class EfEntityFeedStore(IStoreContextSource source, ILogger<EfEntityFeedStore>? logger = null) : IEntityFeedStore
{
    public async Task SaveAsync(string node, IReadOnlyList<FeedSnapshot> feeds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(feeds);
        if (feeds.Count == 0)
        {
            return;
        }

        using var context = source.Open();
        var db = context.Db;
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = feeds.Select(f => f.EntityId.Value).Distinct().ToList();
        var existing = (await db.Set<EntityRow>().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var states = await db.Set<EntityFeedRow>().Where(f => f.Node == node && ids.Contains(f.EntityId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var messages = db.Set<EntityFeedMessageRow>();
        foreach (var feed in feeds.Where(f => existing.Contains(f.EntityId.Value)))
        {
            var row = RowMapping.ToRow(node, feed);
            if (states.Find(s => s.EntityId == row.EntityId && s.Kind == row.Kind) is { } state)
            {
                db.Entry(state).CurrentValues.SetValues(row);
            }
            else
            {
                db.Add(row);
            }

            var oldest = feed.LastSequence - feed.Capacity;
            var firstNew = feed.Messages.Count > 0 ? feed.Messages[0].Sequence : long.MaxValue;
            await messages.Where(m => m.Node == node && m.EntityId == row.EntityId && m.Kind == row.Kind && (m.Sequence <= oldest || m.Sequence >= firstNew))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            messages.AddRange(feed.Messages.Where(m => m.Sequence > oldest).Select(m => RowMapping.ToRow(node, feed.EntityId, feed.Kind, m)));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FeedSnapshot>> LoadAsync(string node, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        using var context = source.Open();
        var db = context.Db;
        var states = await db.Set<EntityFeedRow>().AsNoTracking().Where(f => f.Node == node).OrderBy(f => f.EntityId).ThenBy(f => f.Kind)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var messages = db.Set<EntityFeedMessageRow>().Where(m => m.Node == node);
        var byFeed = (await messages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(m => (m.EntityId, m.Kind));
        var feeds = new List<FeedSnapshot>(states.Count);
        foreach (var state in states)
        {
            var all = byFeed[(state.EntityId, state.Kind)].ToList();
            var newest = all.Count > capacity ? all[^capacity..] : all;
            var read = newest.Select(m => (Row: m, Message: RowMapping.ToDomain(m))).ToList();
            var unreadable = read.Where(r => r.Message is null).Select(r => r.Row.Sequence).ToList();
            if (all.Count > capacity || unreadable.Count > 0)
            {
                // Out of a feed of this capacity, or no longer readable: deleted, never half-restored.
                var first = newest[0].Sequence;
                await messages.Where(m => m.EntityId == state.EntityId && m.Kind == state.Kind && (m.Sequence < first || unreadable.Contains(m.Sequence)))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (unreadable.Count > 0)
            {
                EfStoreLog.UnreadableFeedMessages(logger ?? (ILogger)NullLogger.Instance, unreadable.Count, state.EntityId, state.Kind, node);
            }

            feeds.Add(RowMapping.ToDomain(state, capacity, [.. read.Where(r => r.Message is not null).Select(r => r.Message!)]));
        }

        return feeds;
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var cutoff = RowMapping.Db(before);
        using var context = source.Open();
        return await context.Db.Set<EntityFeedMessageRow>().Where(m => m.At < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
