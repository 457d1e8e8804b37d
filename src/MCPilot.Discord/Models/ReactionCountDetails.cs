namespace MCPilot.Discord.Models;

/// <summary>How a reaction's count splits between super (burst) and normal reactions.</summary>
public sealed class ReactionCountDetails
{
    /// <summary>Super reactions.</summary>
    public int Burst { get; init; }

    /// <summary>Normal reactions.</summary>
    public int Normal { get; init; }
}
