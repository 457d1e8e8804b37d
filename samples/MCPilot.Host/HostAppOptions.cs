using System.ComponentModel.DataAnnotations;

namespace MCPilot.Host;

/// <summary>The sample host's own settings, bound from the <c>Host</c> section.</summary>
public sealed class HostAppOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Host";

    /// <summary>Where the host keeps its files (SQLite database, the playground's generated vault secret). Default <c>data</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Host:DataDirectory must name a directory.")]
    public string DataDirectory { get; set; } = "data";
}
