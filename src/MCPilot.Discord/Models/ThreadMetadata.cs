namespace MCPilot.Discord.Models;

/// <summary>The fields only threads have.</summary>
public sealed class ThreadMetadata
{
    /// <summary>Whether the thread is archived.</summary>
    public bool Archived { get; init; }

    /// <summary>Minutes of inactivity after which the thread archives (60, 1440, 4320 or 10080).</summary>
    public int AutoArchiveDuration { get; init; }

    /// <summary>When the archive status last changed.</summary>
    public DateTimeOffset? ArchiveTimestamp { get; init; }

    /// <summary>Whether only thread managers can unarchive it.</summary>
    public bool Locked { get; init; }

    /// <summary>Whether non-moderators can add others to a private thread.</summary>
    public bool? Invitable { get; init; }

    /// <summary>When the thread was created (threads created after 2022-01-09).</summary>
    public DateTimeOffset? CreateTimestamp { get; init; }
}
