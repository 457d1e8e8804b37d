namespace MCPilot.Discord.Models;

/// <summary>A file attached to a message.</summary>
public sealed class Attachment
{
    /// <summary>The attachment's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The file's name.</summary>
    public string Filename { get; init; } = "";

    /// <summary>The file's description (alt text).</summary>
    public string? Description { get; init; }

    /// <summary>The media type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The source URL.</summary>
    public string Url { get; init; } = "";

    /// <summary>The proxied URL.</summary>
    public string ProxyUrl { get; init; } = "";

    /// <summary>The image height.</summary>
    public int? Height { get; init; }

    /// <summary>The image width.</summary>
    public int? Width { get; init; }

    /// <summary>Whether the attachment is ephemeral.</summary>
    public bool? Ephemeral { get; init; }
}
