namespace MCPilot.Discord.Models;

/// <summary>A reaction on a message: one emoji and how many reacted with it.</summary>
public sealed class Reaction
{
    /// <summary>How many users reacted with the emoji (normal and super reactions).</summary>
    public int Count { get; init; }

    /// <summary>The split of <see cref="Count"/> into normal and super reactions.</summary>
    public ReactionCountDetails? CountDetails { get; init; }

    /// <summary>Whether the current user (the bot) reacted.</summary>
    public bool Me { get; init; }

    /// <summary>Whether the current user super-reacted.</summary>
    public bool MeBurst { get; init; }

    /// <summary>The emoji (partial: id, name, animated).</summary>
    public Emoji Emoji { get; init; } = new();

    /// <summary>The colours of super reactions, as hex strings.</summary>
    public IReadOnlyList<string>? BurstColors { get; init; }
}
