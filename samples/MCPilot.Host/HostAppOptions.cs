using System.ComponentModel.DataAnnotations;

namespace MCPilot.Host;

/// <summary>The sample host's own settings, bound from the <c>Host</c> section.</summary>
public sealed class HostAppOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Host";

    /// <summary>The configuration key of <see cref="DataDirectory"/>.</summary>
    public const string DataDirectoryKey = SectionName + ":" + nameof(DataDirectory);

    /// <summary>The default of <see cref="DataDirectory"/>.</summary>
    public const string DefaultDataDirectory = "data";

    /// <summary>
    /// Where the host keeps its files: the SQLite database (unless <c>MCPilot:Storage</c> says
    /// otherwise), the playground's generated vault secret, and <c>host.json</c>, which tells the
    /// operator CLI where the running host listens. Relative paths resolve against the working
    /// directory. Default <see cref="DefaultDataDirectory"/>.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Host:DataDirectory must name a directory.")]
    public string DataDirectory { get; set; } = DefaultDataDirectory;
}
