namespace MCPilot.Discord.Models;

/// <summary>The data of an interaction: the command and its options, or the component or modal values.</summary>
public sealed class InteractionData
{
    /// <summary>The invoked command's id.</summary>
    public ulong? Id { get; init; }

    /// <summary>The invoked command's name.</summary>
    public string? Name { get; init; }

    /// <summary>The invoked command's type.</summary>
    public ApplicationCommandType? Type { get; init; }

    /// <summary>Users, members, roles, channels and messages the options refer to.</summary>
    public InteractionResolvedData? Resolved { get; init; }

    /// <summary>The options the user gave.</summary>
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>The guild of a guild command.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The user or message a context-menu command targets.</summary>
    public ulong? TargetId { get; init; }

    /// <summary>The developer-defined id of a component or modal.</summary>
    public string? CustomId { get; init; }

    /// <summary>The type of component.</summary>
    public int? ComponentType { get; init; }

    /// <summary>The values chosen in a select menu.</summary>
    public IReadOnlyList<string>? Values { get; init; }
}
