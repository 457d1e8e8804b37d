namespace MCPilot.Discord.Models;

/// <summary>An embed's author line.</summary>
public sealed class EmbedAuthor
{
    /// <summary>The author's name (up to 256 characters).</summary>
    public string Name { get; init; } = "";

    /// <summary>The name's link.</summary>
    public string? Url { get; init; }

    /// <summary>The author's icon (http, https or attachment URL).</summary>
    public string? IconUrl { get; init; }

    /// <summary>The proxied icon URL (received only).</summary>
    public string? ProxyIconUrl { get; init; }
}
