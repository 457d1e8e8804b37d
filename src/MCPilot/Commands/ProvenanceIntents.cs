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
        if (commands.Value.Provenance)
        {
            options.Intents |= GatewayIntents.GuildMessageReactions;
        }
    }
}
