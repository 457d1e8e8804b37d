using MCPilot.Discord.Models;

namespace MCPilot.Discord.Rest;

/// <summary>The first message of a forum or media post.</summary>
public sealed class ForumThreadMessage
{
    /// <summary>The text (up to 2000 characters).</summary>
    public string? Content { get; init; }

    /// <summary>Up to 10 embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Which mentions ping.</summary>
    public AllowedMentions? AllowedMentions { get; init; }
}
