using MCPilot.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace MCPilot.Commands;

/// <summary>
/// Adds the Gateway intent <c>GUILD_MESSAGE_REACTIONS</c> (not privileged: nothing to enable in the
/// Developer Portal) when provenance is on, whatever intents were configured: without it Discord
/// sends no reactions, and ❓ would silently do nothing.
/// </summary>
internal sealed class ProvenanceIntents(IOptions<EntityCommandOptions> commands) : IPostConfigureOptions<GatewayOptions>
{
    public void PostConfigure(string? name, GatewayOptions options)
    {
        bool provenance;
        try
        {
            provenance = commands.Value.Provenance;
        }
        catch (OptionsValidationException)
        {
            // The commands' settings are wrong: their own validation reports it (once) and stops the
            // start; failing here too would report it again, as a failure of the Gateway's settings.
            return;
        }

        if (provenance)
        {
            options.Intents |= GatewayIntents.GuildMessageReactions;
        }
    }
}
