namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_conversation_threads</c>.</summary>
internal sealed class ConversationThreadRow
{
    public Guid Id { get; set; }

    public long GuildId { get; set; }

    public long ChannelId { get; set; }

    public long UserId { get; set; }

    /// <summary>The thread key while the thread is active, null once archived: a unique index keeps one active thread per key.</summary>
    public string? ActiveKey { get; set; }

    /// <summary>The sequence number of the thread's last message (0 when it has none); appends increment it, which also serialises them.</summary>
    public long LastSequence { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ArchivedAt { get; set; }
}
