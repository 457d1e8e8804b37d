using MCPilot.Activity;

namespace MCPilot.Storage.InMemory;

/// <summary>Keeps the tool-call audit log in memory: nothing persists.</summary>
public sealed class InMemoryToolCallAuditLog : IToolCallAuditLog
{
    private readonly List<ToolCallRecord> _records = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task AppendAsync(ToolCallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            _records.Add(record);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolCallRecord>> QueryAsync(EntityId? entityId, DateTimeOffset? since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_lock)
        {
            IReadOnlyList<ToolCallRecord> records = [.. _records
                .Select((r, i) => (Record: r, Index: i))
                .Where(x => (entityId is null || x.Record.EntityId == entityId) && (since is null || x.Record.At >= since))
                .OrderByDescending(x => x.Record.At)
                .ThenByDescending(x => x.Index)
                .Take(limit)
                .Select(x => x.Record)];
            return Task.FromResult(records);
        }
    }
}
