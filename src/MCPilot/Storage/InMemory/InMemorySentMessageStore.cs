using MCPilot.Entities;

namespace MCPilot.Storage.InMemory;

/// <summary>Remembers which entity sent which message, in memory: nothing persists.</summary>
public sealed class InMemorySentMessageStore : ISentMessageStore
{
    private readonly Dictionary<ulong, SentMessage> _messages = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task RecordAsync(SentMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            _messages.TryAdd(message.MessageId, message);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<SentMessage?> FindAsync(ulong messageId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_messages.GetValueOrDefault(messageId));
        }
    }

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var old = _messages.Values.Where(m => m.At < before).Select(m => m.MessageId).ToList();
            old.ForEach(id => _messages.Remove(id));
            return Task.FromResult(old.Count);
        }
    }
}
