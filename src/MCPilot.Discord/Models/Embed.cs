namespace MCPilot.Discord.Models;

/// <summary>
/// Rich content in a message. MCPilot uses it for a DM's author line (the entity's name and
/// avatar) and for the quote of a message a webhook post replies to.
/// </summary>
public sealed class Embed
{
    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>"rich" for embeds bots and webhooks send (set by Discord).</summary>
    public string? Type { get; init; }

    /// <summary>The description (up to 4096 characters).</summary>
    public string? Description { get; init; }

    /// <summary>The title's link.</summary>
    public string? Url { get; init; }

    /// <summary>The timestamp shown in the footer.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The colour bar, as an RGB integer.</summary>
    public int? Color { get; init; }

    /// <summary>The footer.</summary>
    public EmbedFooter? Footer { get; init; }

    /// <summary>The large image.</summary>
    public EmbedMedia? Image { get; init; }

    /// <summary>The thumbnail.</summary>
    public EmbedMedia? Thumbnail { get; init; }

    /// <summary>The video (received only).</summary>
    public EmbedMedia? Video { get; init; }

    /// <summary>The provider (received only).</summary>
    public EmbedProvider? Provider { get; init; }

    /// <summary>The author line.</summary>
    public EmbedAuthor? Author { get; init; }

    /// <summary>The fields (up to 25).</summary>
    public IReadOnlyList<EmbedField>? Fields { get; init; }
}
