using MCPilot.Entities;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Which entity sent which message, on EF Core.</summary>
internal sealed class EfSentMessageStore(IStoreContextSource source) : ISentMessageStore
{
    public async Task RecordAsync(SentMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var context = source.Open();
        context.Db.Add(new SentMessageRow
        {
            MessageId = RowMapping.Db(message.MessageId),
            EntityId = message.EntityId.Value,
            GuildId = RowMapping.Db(message.GuildId),
            ChannelId = RowMapping.Db(message.ChannelId),
            At = RowMapping.Db(message.At),
        });
        try
        {
            await context.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Recorded before: the first record stands.
        }
    }

    public async Task<SentMessage?> FindAsync(ulong messageId, CancellationToken cancellationToken = default)
    {
        var id = RowMapping.Db(messageId);
        using var context = source.Open();
        var row = await context.Db.Set<SentMessageRow>().AsNoTracking().FirstOrDefaultAsync(m => m.MessageId == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : RowMapping.ToDomain(row);
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var cutoff = RowMapping.Db(before);
        using var context = source.Open();
        return await context.Db.Set<SentMessageRow>().Where(m => m.At < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
