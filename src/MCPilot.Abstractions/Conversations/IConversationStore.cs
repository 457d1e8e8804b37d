namespace MCPilot.Conversations;

/// <summary>Keeps the bot's conversation memory, one active thread per key.</summary>
public interface IConversationStore
{
    /// <summary>Returns the key's active thread, creating it if there is none (atomically: concurrent callers get the same thread).</summary>
    Task<ConversationThread> GetOrCreateActiveAsync(ThreadKey key, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Archives the key's active thread, if any, and starts a new one (the <c>/newthread</c> command).</summary>
    /// <returns>The new active thread.</returns>
    Task<ConversationThread> ArchiveAndStartAsync(ThreadKey key, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Appends messages to a thread in order; returns them with their sequence numbers.</summary>
    Task<IReadOnlyList<ConversationMessage>> AppendAsync(Guid threadId, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="limit"/> messages of a thread, oldest first.</summary>
    Task<IReadOnlyList<ConversationMessage>> GetRecentAsync(Guid threadId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The key's threads, newest first, archived ones included.</summary>
    Task<IReadOnlyList<ConversationThread>> ListThreadsAsync(ThreadKey key, CancellationToken cancellationToken = default);
}
