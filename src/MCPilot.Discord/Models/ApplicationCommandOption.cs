namespace MCPilot.Discord.Models;

/// <summary>A parameter (or subcommand) of a slash command.</summary>
public sealed class ApplicationCommandOption
{
    /// <summary>The option's type.</summary>
    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>The name (1-32 lowercase characters).</summary>
    public string Name { get; init; } = "";

    /// <summary>The description (1-100 characters).</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether the option is required (required options come first).</summary>
    public bool? Required { get; init; }

    /// <summary>The only values allowed (up to 25).</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>The subcommand's or group's own options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>The channel types a channel option accepts.</summary>
    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    /// <summary>The smallest number accepted.</summary>
    public double? MinValue { get; init; }

    /// <summary>The largest number accepted.</summary>
    public double? MaxValue { get; init; }

    /// <summary>The shortest string accepted.</summary>
    public int? MinLength { get; init; }

    /// <summary>The longest string accepted.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Whether values are suggested through autocomplete interactions.</summary>
    public bool? Autocomplete { get; init; }
}
