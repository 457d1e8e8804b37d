using System.Text.Json;

namespace MCPilot.Discord.Models;

/// <summary>One option a user gave to a command (or a subcommand and its own options).</summary>
public sealed class InteractionDataOption
{
    /// <summary>The option's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The option's type.</summary>
    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>The value (a string, integer, number or boolean; a snowflake string for users, channels and roles).</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The options of a subcommand or group.</summary>
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>Whether the user is typing this option (autocomplete).</summary>
    public bool? Focused { get; init; }
}
