using MCPilot.Activity;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>The tool-call audit log on EF Core, indexed by time and by (entity, time).</summary>
internal sealed class EfToolCallAuditLog(IStoreContextSource source) : IToolCallAuditLog
{
    public async Task AppendAsync(ToolCallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var context = source.Open();
        context.Db.Add(RowMapping.ToRow(record));
        await context.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ToolCallRecord>> QueryAsync(EntityId? entityId, DateTimeOffset? since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var context = source.Open();
        var query = context.Db.Set<ToolCallRow>().AsNoTracking();
        if (entityId is { } id)
        {
            query = query.Where(r => r.EntityId == id.Value);
        }

        if (since is { } from)
        {
            var cutoff = RowMapping.Db(from);
            query = query.Where(r => r.At >= cutoff);
        }

        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(RowMapping.ToDomain)];
    }
}
