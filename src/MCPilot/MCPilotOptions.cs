using System.ComponentModel.DataAnnotations;

namespace MCPilot;

/// <summary>MCPilot's core options, bound from the <c>MCPilot</c> configuration section.</summary>
public sealed class MCPilotOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot";

    /// <summary>The default of <see cref="InstanceName"/>.</summary>
    public const string DefaultInstanceName = "mcpilot";

    /// <summary>
    /// The absolute URL clients reach this host at (e.g. <c>https://bot.example.com</c>), used
    /// to print entity MCP URLs and avatar URLs. Unset: derived from the listening address.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// A short name for this installation, used in webhook names and logs (1 to 32 characters
    /// of a-z, 0-9 and '-'). Default <see cref="DefaultInstanceName"/>.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9-]{1,32}$", ErrorMessage = "MCPilot:InstanceName is 1 to 32 characters of a-z, 0-9 and '-'.")]
    public string InstanceName { get; set; } = DefaultInstanceName;
}
