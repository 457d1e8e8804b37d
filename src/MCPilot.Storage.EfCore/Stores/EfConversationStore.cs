using System.Globalization;
using MCPilot.Conversations;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Conversation memory on EF Core. A unique index on the active thread's key keeps one active
/// thread per key; concurrent writers that lose a race retry, up to <see cref="Attempts"/> times.
/// </summary>
internal sealed class EfConversationStore(IStoreContextSource source) : IConversationStore
{
    private const int Attempts = 5;

    public async Task<ConversationThread> GetOrCreateActiveAsync(ThreadKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var activeKey = RowMapping.ActiveKey(key);
        for (var attempt = 1; ; attempt++)
        {
            using var context = source.Open();
            var active = await context.Db.Set<ConversationThreadRow>().AsNoTracking()
                .FirstOrDefaultAsync(t => t.ActiveKey == activeKey, cancellationToken).ConfigureAwait(false);
            if (active is not null)
            {
                return RowMapping.ToDomain(active);
            }

            var row = NewThread(key, now);
            context.Db.Add(row);
            try
            {
                await context.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return RowMapping.ToDomain(row);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another caller created it first: read theirs (unless it keeps vanishing).
                ThrowIfLastAttempt(attempt, key, e);
            }
        }
    }

    public async Task<ConversationThread> ArchiveAndStartAsync(ThreadKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var activeKey = RowMapping.ActiveKey(key);
        var archivedAt = RowMapping.Db(now);
        for (var attempt = 1; ; attempt++)
        {
            using var context = source.Open();
            var db = context.Db;
            using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.Set<ConversationThreadRow>().Where(t => t.ActiveKey == activeKey)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ActiveKey, (string?)null).SetProperty(t => t.ArchivedAt, archivedAt), cancellationToken).ConfigureAwait(false);
            var row = NewThread(key, now);
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return RowMapping.ToDomain(row);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another caller started a thread between the archive and the insert: archive theirs too.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                ThrowIfLastAttempt(attempt, key, e);
            }
        }
    }

    public async Task<IReadOnlyList<ConversationMessage>> AppendAsync(Guid threadId, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var context = source.Open();
        var db = context.Db;
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Reserving the numbers locks the thread's row until commit, so concurrent appends queue instead of colliding.
        var count = messages.Count;
        var threads = db.Set<ConversationThreadRow>().Where(t => t.Id == threadId);
        if (await threads.ExecuteUpdateAsync(s => s.SetProperty(t => t.LastSequence, t => t.LastSequence + count), cancellationToken).ConfigureAwait(false) == 0)
        {
            throw StoreExceptions.ThreadNotFound(threadId);
        }

        var first = await threads.Select(t => t.LastSequence).FirstAsync(cancellationToken).ConfigureAwait(false) - count + 1;
        var rows = messages.Select((m, i) => new ConversationMessageRow
        {
            ThreadId = threadId,
            Sequence = first + i,
            Role = m.Role.ToString(),
            Content = m.Content,
            At = RowMapping.Db(m.At),
            ToolCalls = m.ToolCallsJson,
        }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select((r, i) => messages[i] with { ThreadId = threadId, Sequence = r.Sequence })];
    }

    public async Task<IReadOnlyList<ConversationMessage>> GetRecentAsync(Guid threadId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var context = source.Open();
        var rows = await context.Db.Set<ConversationMessageRow>().AsNoTracking()
            .Where(m => m.ThreadId == threadId)
            .OrderByDescending(m => m.Sequence).Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        rows.Reverse();
        return [.. rows.Select(RowMapping.ToDomain)];
    }

    public async Task<IReadOnlyList<ConversationThread>> ListThreadsAsync(ThreadKey key, CancellationToken cancellationToken = default)
    {
        var guild = RowMapping.Db(key.GuildId);
        var channel = RowMapping.Db(key.ChannelId);
        var user = RowMapping.Db(key.UserId);
        using var context = source.Open();
        var rows = await context.Db.Set<ConversationThreadRow>().AsNoTracking()
            .Where(t => t.GuildId == guild && t.ChannelId == channel && t.UserId == user)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.ActiveKey != null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(RowMapping.ToDomain)];
    }

    /// <summary>After the last attempt, a lost race is the caller's to retry, as a conflict that names the thread key.</summary>
    private static void ThrowIfLastAttempt(int attempt, ThreadKey key, DbUpdateException cause)
    {
        if (attempt >= Attempts)
        {
            throw new StoreException(StoreError.ConcurrencyConflict, string.Create(CultureInfo.InvariantCulture,
                $"The active conversation thread of guild {key.GuildId}, channel {key.ChannelId}, user {key.UserId} was created or archived by someone else during each of {Attempts} attempts: other writers are busy with this thread key; retry the call."),
                cause);
        }
    }

    private static ConversationThreadRow NewThread(ThreadKey key, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        GuildId = RowMapping.Db(key.GuildId),
        ChannelId = RowMapping.Db(key.ChannelId),
        UserId = RowMapping.Db(key.UserId),
        ActiveKey = RowMapping.ActiveKey(key),
        CreatedAt = RowMapping.Db(now),
    };
}
