namespace MCPilot.Discord.Models;

/// <summary>The types of a slash command's options.</summary>
public enum ApplicationCommandOptionType
{
    /// <summary>A subcommand.</summary>
    SubCommand = 1,

    /// <summary>A group of subcommands.</summary>
    SubCommandGroup = 2,

    /// <summary>A string.</summary>
    String = 3,

    /// <summary>An integer (-2^53..2^53).</summary>
    Integer = 4,

    /// <summary>A boolean.</summary>
    Boolean = 5,

    /// <summary>A user.</summary>
    User = 6,

    /// <summary>A channel.</summary>
    Channel = 7,

    /// <summary>A role.</summary>
    Role = 8,

    /// <summary>A user or a role.</summary>
    Mentionable = 9,

    /// <summary>A floating-point number.</summary>
    Number = 10,

    /// <summary>An attachment.</summary>
    Attachment = 11,
}
