namespace MCPilot.Discord.Models;

/// <summary>A registered application command, as Discord returns it.</summary>
public sealed class ApplicationCommand
{
    /// <summary>The command's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The command type.</summary>
    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;

    /// <summary>The application it belongs to.</summary>
    public ulong ApplicationId { get; init; }

    /// <summary>The guild, for a guild command.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The parameters.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>The permissions a member needs by default.</summary>
    public DiscordPermissions? DefaultMemberPermissions { get; init; }

    /// <summary>Where it may be used.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>How it may be installed.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    /// <summary>Whether the command is age-restricted.</summary>
    public bool? Nsfw { get; init; }

    /// <summary>Changes on every substantial update of the command.</summary>
    public ulong Version { get; init; }
}
