using MCPilot.Conversations;

namespace MCPilot.Storage.InMemory;

/// <summary>Keeps the bot's conversation memory in memory: nothing persists. One active thread per key.</summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly Dictionary<Guid, ConversationThread> _threads = [];
    private readonly Dictionary<Guid, List<ConversationMessage>> _messages = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task<ConversationThread> GetOrCreateActiveAsync(ThreadKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Active(key) ?? Start(key, now));
        }
    }

    /// <inheritdoc />
    public Task<ConversationThread> ArchiveAndStartAsync(ThreadKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (Active(key) is { } active)
            {
                _threads[active.Id] = active with { ArchivedAt = now };
            }

            return Task.FromResult(Start(key, now));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationMessage>> AppendAsync(Guid threadId, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_lock)
        {
            if (!_messages.TryGetValue(threadId, out var list))
            {
                throw StoreExceptions.ThreadNotFound(threadId);
            }

            var next = list.Count + 1L;
            IReadOnlyList<ConversationMessage> appended = [.. messages.Select(m => m with { ThreadId = threadId, Sequence = next++ })];
            list.AddRange(appended);
            return Task.FromResult(appended);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationMessage>> GetRecentAsync(Guid threadId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_lock)
        {
            IReadOnlyList<ConversationMessage> recent = _messages.TryGetValue(threadId, out var list) ? [.. list.Skip(Math.Max(0, list.Count - limit))] : [];
            return Task.FromResult(recent);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationThread>> ListThreadsAsync(ThreadKey key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ConversationThread> threads = [.. _threads.Values.Where(t => t.Key == key).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.ArchivedAt is null)];
            return Task.FromResult(threads);
        }
    }

    private ConversationThread? Active(ThreadKey key) => _threads.Values.FirstOrDefault(t => t.Key == key && !t.IsArchived);

    private ConversationThread Start(ThreadKey key, DateTimeOffset now)
    {
        var thread = new ConversationThread(Guid.CreateVersion7(now), key, now, null);
        _threads.Add(thread.Id, thread);
        _messages.Add(thread.Id, []);
        return thread;
    }
}
