using System.ComponentModel.DataAnnotations;

namespace MCPilot.Discord.Interactions;

/// <summary>Where slash commands are registered and how their interactions are answered, bound from <c>MCPilot:Discord:Gateway:Commands</c>.</summary>
public sealed class SlashCommandOptions
{
    /// <summary>The default of <see cref="DeferAfter"/>.</summary>
    public static readonly TimeSpan DefaultDeferAfter = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether the registered <see cref="ISlashCommand"/>s are registered with Discord at start (a
    /// bulk overwrite, skipped when Discord already has exactly these definitions). Default true.
    /// Nothing is registered, and nothing removed, when no command is added.
    /// </summary>
    public bool RegisterOnStart { get; set; } = true;

    /// <summary>
    /// Guilds to register the commands in (they appear at once there); empty (default) registers
    /// them globally. A bulk overwrite replaces every command of the application in that scope.
    /// </summary>
    public IList<ulong> GuildIds { get; } = [];

    /// <summary>
    /// How long after an interaction arrives a command may run before MCPilot defers the answer
    /// ("thinking..."): Discord drops interactions not answered within 3 seconds. Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.800")]
    public TimeSpan DeferAfter { get; set; } = DefaultDeferAfter;
}
