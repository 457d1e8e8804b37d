namespace MCPilot.Discord.Models;

/// <summary>An embed's image, thumbnail or video.</summary>
public sealed class EmbedMedia
{
    /// <summary>The source URL.</summary>
    public string? Url { get; init; }

    /// <summary>The proxied URL (received only).</summary>
    public string? ProxyUrl { get; init; }

    /// <summary>The height (received only).</summary>
    public int? Height { get; init; }

    /// <summary>The width (received only).</summary>
    public int? Width { get; init; }
}
