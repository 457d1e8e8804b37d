namespace MCPilot.Discord.Interactions;

/// <summary>How far an interaction has been answered.</summary>
public enum InteractionResponseState
{
    /// <summary>Not answered yet (Discord waits 3 seconds).</summary>
    None,

    /// <summary>Deferred ("thinking..."): the next reply edits the original response.</summary>
    Deferred,

    /// <summary>Answered: further replies are follow-ups.</summary>
    Replied,
}
