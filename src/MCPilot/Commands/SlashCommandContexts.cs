using MCPilot.Discord.Interactions;

namespace MCPilot.Commands;

/// <summary>Where the entity commands can be run, and the check that they run there.</summary>
internal static class SlashCommandContexts
{
    /// <summary>Discord's interaction context type for a server (<c>GUILD</c>).</summary>
    public const int Guild = 0;

    /// <summary>The server the command was run in; refuses a DM, where entities have no presence.</summary>
    public static ulong RequireGuild(SlashCommandContext context) =>
        context.GuildId ?? throw new SlashCommandException($"/{context.CommandName} works in a server, where entities are: run it in one of its channels.");
}
