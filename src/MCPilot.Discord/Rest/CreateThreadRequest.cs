using MCPilot.Discord.Models;

namespace MCPilot.Discord.Rest;

/// <summary>
/// A new thread without a starter message (<c>POST /channels/{id}/threads</c>), or, in a forum
/// or media channel, a new post with its first <see cref="Message"/>.
/// </summary>
public sealed class CreateThreadRequest
{
    /// <summary>The thread's name (1-100 characters).</summary>
    public string Name { get; init; } = "";

    /// <summary>Minutes of inactivity before it archives: 60, 1440, 4320 or 10080.</summary>
    public int? AutoArchiveDuration { get; init; }

    /// <summary>In a text channel: <see cref="ChannelType.PublicThread"/> (default) or <see cref="ChannelType.PrivateThread"/>.</summary>
    public ChannelType? Type { get; init; }

    /// <summary>For a private thread: whether non-moderators may add others.</summary>
    public bool? Invitable { get; init; }

    /// <summary>Slowmode in seconds.</summary>
    public int? RateLimitPerUser { get; init; }

    /// <summary>In a forum or media channel: the post's first message (required there).</summary>
    public ForumThreadMessage? Message { get; init; }

    /// <summary>In a forum or media channel: the tags to apply.</summary>
    public IReadOnlyList<ulong>? AppliedTags { get; init; }
}
