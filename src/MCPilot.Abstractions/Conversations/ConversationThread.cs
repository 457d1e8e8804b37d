namespace MCPilot.Conversations;

/// <summary>A conversation thread. Each key has at most one active (unarchived) thread.</summary>
/// <param name="Id">The thread's id.</param>
/// <param name="Key">Whose thread.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="ArchivedAt">When <c>/newthread</c> archived it, or <see langword="null"/> while active.</param>
public sealed record ConversationThread(Guid Id, ThreadKey Key, DateTimeOffset CreatedAt, DateTimeOffset? ArchivedAt)
{
    /// <summary>Whether the thread was archived.</summary>
    public bool IsArchived => ArchivedAt is not null;
}

/// <summary>Who said a conversation message.</summary>
public enum ConversationRole
{
    /// <summary>Instructions to the model.</summary>
    System,

    /// <summary>The member.</summary>
    User,

    /// <summary>The bot's model.</summary>
    Assistant,

    /// <summary>A tool's result.</summary>
    Tool,
}

/// <summary>One message of a thread, in order of <see cref="Sequence"/>.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="Sequence">Its position in the thread, assigned by the store (1, 2, …).</param>
/// <param name="Role">Who said it.</param>
/// <param name="Content">The text, or a tool result.</param>
/// <param name="At">When.</param>
/// <param name="ToolCallsJson">The model's tool calls or the tool call this result answers, as JSON, if any.</param>
public sealed record ConversationMessage(Guid ThreadId, long Sequence, ConversationRole Role, string Content, DateTimeOffset At, string? ToolCallsJson = null);
