namespace MCPilot.Discord.Models;

/// <summary>The ways to answer an interaction.</summary>
public enum InteractionCallbackType
{
    /// <summary>Acknowledge a ping.</summary>
    Pong = 1,

    /// <summary>Reply with a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>Acknowledge now ("thinking..."), reply later by editing the original response.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>For components: acknowledge now, edit the message later.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>For components: edit the message the component is on.</summary>
    UpdateMessage = 7,

    /// <summary>Answer an autocomplete request with choices.</summary>
    ApplicationCommandAutocompleteResult = 8,

    /// <summary>Show a modal.</summary>
    Modal = 9,
}
