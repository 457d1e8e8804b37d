namespace MCPilot.Entities;

/// <summary>
/// Remembers which entity sent which Discord message (see <see cref="SentMessage"/>). Records
/// outlive their entity (provenance can still say "a deleted entity"); old ones are pruned.
/// </summary>
public interface ISentMessageStore
{
    /// <summary>Records a sent message; recording the same message id again keeps the first record.</summary>
    Task RecordAsync(SentMessage message, CancellationToken cancellationToken = default);

    /// <summary>The record of a message id, or <see langword="null"/> when no entity sent it (or it was pruned).</summary>
    Task<SentMessage?> FindAsync(ulong messageId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the records of messages sent before <paramref name="before"/>.</summary>
    /// <returns>How many records were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
