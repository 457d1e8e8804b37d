using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary>
/// <c>INTERACTION_CREATE</c>: a user ran a slash command or used a component. Slash commands
/// registered with <c>AddSlashCommand</c> are answered by MCPilot; handle others yourself.
/// </summary>
public sealed class InteractionCreateEvent : GatewayEvent
{
    internal InteractionCreateEvent(Interaction interaction) => Interaction = interaction;

    /// <summary>The interaction (its token is a secret: never log it).</summary>
    public Interaction Interaction { get; }
}
