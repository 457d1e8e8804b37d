namespace MCPilot.Discord.Interactions;

/// <summary>A slash command refused or failed with a message for the user (shown ephemerally), e.g. a missing permission.</summary>
public sealed class SlashCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the user sees: what went wrong and what to do.</param>
    public SlashCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause (logged, not shown).</summary>
    public SlashCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SlashCommandException()
        : base("The command failed.")
    {
    }
}
