namespace MCPilot.Discord.Models;

/// <summary>The kinds of interaction.</summary>
public enum InteractionType
{
    /// <summary>A ping (HTTP interactions only).</summary>
    Ping = 1,

    /// <summary>A slash or context-menu command.</summary>
    ApplicationCommand = 2,

    /// <summary>A button or select menu.</summary>
    MessageComponent = 3,

    /// <summary>An autocomplete request.</summary>
    ApplicationCommandAutocomplete = 4,

    /// <summary>A modal was submitted.</summary>
    ModalSubmit = 5,
}
