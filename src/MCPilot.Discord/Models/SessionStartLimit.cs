namespace MCPilot.Discord.Models;

/// <summary>The bot's budget of Gateway session starts (identifies).</summary>
public sealed class SessionStartLimit
{
    /// <summary>Session starts allowed per reset period.</summary>
    public int Total { get; init; }

    /// <summary>Session starts left.</summary>
    public int Remaining { get; init; }

    /// <summary>Milliseconds until the budget resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>How many identifies may run per 5 seconds.</summary>
    public int MaxConcurrency { get; init; }
}
