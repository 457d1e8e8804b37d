using MCPilot.Activity;

namespace MCPilot.Tools;

/// <summary>
/// Thrown by an entity tool (or by <see cref="IEntityContext"/>) to end a call with an MCP tool
/// error: the client gets a result with <c>isError: true</c> and <see cref="Exception.Message"/> as
/// its text, never an HTTP or JSON-RPC failure. The message is for the model: it says what was
/// wrong and what to do.
/// </summary>
public sealed class EntityToolException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outcome">How the call ended, for the audit log (never <see cref="ToolCallOutcome.Success"/>).</param>
    /// <param name="message">What was wrong and what to do.</param>
    /// <param name="retryAfter">For a rate-limited call, how long to wait before retrying.</param>
    public EntityToolException(ToolCallOutcome outcome, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        if (outcome == ToolCallOutcome.Success)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "A tool error cannot have the outcome Success.");
        }

        Outcome = outcome;
        RetryAfter = retryAfter;
    }

    /// <summary>How the call ended.</summary>
    public ToolCallOutcome Outcome { get; }

    /// <summary>For a rate-limited call, how long to wait before retrying.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>A call refused by the entity's policy.</summary>
    public static EntityToolException Denied(string message) => new(ToolCallOutcome.Denied, message);

    /// <summary>A call with invalid arguments.</summary>
    public static EntityToolException InvalidArguments(string message) => new(ToolCallOutcome.InvalidArguments, message);
}
