namespace MCPilot.Discord.Models;

/// <summary>An emoji: a custom guild emoji (with an id) or a Unicode emoji (id null, name the character).</summary>
public sealed class Emoji
{
    /// <summary>The custom emoji's id; null for a Unicode emoji.</summary>
    public ulong? Id { get; init; }

    /// <summary>The custom emoji's name or the Unicode character(s); null for a deleted custom emoji in a reaction.</summary>
    public string? Name { get; init; }

    /// <summary>Roles allowed to use the emoji.</summary>
    public IReadOnlyList<ulong>? Roles { get; init; }

    /// <summary>The user that created the emoji.</summary>
    public User? User { get; init; }

    /// <summary>Whether the emoji must be wrapped in colons.</summary>
    public bool? RequireColons { get; init; }

    /// <summary>Whether an integration manages the emoji.</summary>
    public bool? Managed { get; init; }

    /// <summary>Whether the emoji is animated.</summary>
    public bool? Animated { get; init; }

    /// <summary>Whether the emoji can be used (false when the guild lost boosts).</summary>
    public bool? Available { get; init; }
}
