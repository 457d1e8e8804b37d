namespace MCPilot.Discord.Models;

/// <summary>An embed's footer.</summary>
public sealed class EmbedFooter
{
    /// <summary>The footer text (up to 2048 characters).</summary>
    public string Text { get; init; } = "";

    /// <summary>The footer icon.</summary>
    public string? IconUrl { get; init; }

    /// <summary>The proxied icon URL (received only).</summary>
    public string? ProxyIconUrl { get; init; }
}
