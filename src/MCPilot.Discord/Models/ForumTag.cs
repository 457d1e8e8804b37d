namespace MCPilot.Discord.Models;

/// <summary>A tag that can be applied to a forum or media post.</summary>
public sealed class ForumTag
{
    /// <summary>The tag's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The tag's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether only moderators may apply it.</summary>
    public bool Moderated { get; init; }

    /// <summary>A custom emoji's id.</summary>
    public ulong? EmojiId { get; init; }

    /// <summary>A Unicode emoji.</summary>
    public string? EmojiName { get; init; }
}
