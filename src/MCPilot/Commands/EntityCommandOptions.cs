using System.ComponentModel.DataAnnotations;

namespace MCPilot.Commands;

/// <summary>
/// The entity slash commands (<c>/entities</c>, <c>/talk</c>, <c>/leaderboard</c>) and the ❓
/// provenance reaction, bound from <c>MCPilot:Entities:Commands</c> and validated at start.
/// </summary>
public sealed class EntityCommandOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Entities:Commands";

    /// <summary>The default of <see cref="ProvenanceBurst"/>.</summary>
    public const int DefaultProvenanceBurst = 3;

    /// <summary>The default of <see cref="LeaderboardSize"/>.</summary>
    public const int DefaultLeaderboardSize = 10;

    /// <summary>The default of <see cref="ProvenanceInterval"/>: one more answer a minute once the burst is spent.</summary>
    public static readonly TimeSpan DefaultProvenanceInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether a member who reacts with a <see cref="ProvenanceEmoji"/> to an entity's message gets
    /// a DM saying which entity posted it and who owns that entity. It needs the Gateway intent
    /// <c>GUILD_MESSAGE_REACTIONS</c> (not privileged), which MCPilot then adds to the configured
    /// intents. Default true.
    /// </summary>
    public bool Provenance { get; set; } = true;

    /// <summary>The reactions that ask "who posted this?". Default ❓ and ❔ (as PluralKit).</summary>
    public IList<string> ProvenanceEmoji { get; } = ["❓", "❔"];

    /// <summary>
    /// How many provenance DMs one member may get in a row before they are limited to one per
    /// <see cref="ProvenanceInterval"/> (a token bucket per member): reactions cannot be turned into
    /// a stream of DMs. Reactions past the limit are ignored. Default <see cref="DefaultProvenanceBurst"/>.
    /// </summary>
    [Range(1, 100)]
    public int ProvenanceBurst { get; set; } = DefaultProvenanceBurst;

    /// <summary>How often a member's provenance allowance grows back by one. Default <see cref="DefaultProvenanceInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ProvenanceInterval { get; set; } = DefaultProvenanceInterval;

    /// <summary>How many entities <c>/leaderboard</c> ranks. Default <see cref="DefaultLeaderboardSize"/>.</summary>
    [Range(1, 25)]
    public int LeaderboardSize { get; set; } = DefaultLeaderboardSize;
}
