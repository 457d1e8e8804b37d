namespace MCPilot.Discord.Models;

/// <summary>The site an embed came from (received only).</summary>
public sealed class EmbedProvider
{
    /// <summary>The provider's name.</summary>
    public string? Name { get; init; }

    /// <summary>The provider's URL.</summary>
    public string? Url { get; init; }
}
