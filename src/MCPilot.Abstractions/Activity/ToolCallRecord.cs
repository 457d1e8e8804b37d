namespace MCPilot.Activity;

/// <summary>How a tool call ended.</summary>
public enum ToolCallOutcome
{
    /// <summary>It succeeded.</summary>
    Success,

    /// <summary>The entity's policy refused it (channel, tool allow-list, content filter).</summary>
    Denied,

    /// <summary>A rate limit refused it.</summary>
    RateLimited,

    /// <summary>The arguments were invalid.</summary>
    InvalidArguments,

    /// <summary>It failed downstream (Discord, an MCP server).</summary>
    Failed,
}

/// <summary>An audit record of one tool call. Arguments are summarised, never copied whole, and never include secrets.</summary>
/// <param name="At">When the call ended.</param>
/// <param name="EntityId">The entity whose tool was called, for entity tools.</param>
/// <param name="UserId">The Discord member, for the bot's chat tools.</param>
/// <param name="Tool">The tool's name.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Detail">A short, secret-free note: the channel, the error's message.</param>
public sealed record ToolCallRecord(DateTimeOffset At, EntityId? EntityId, ulong? UserId, string Tool, ToolCallOutcome Outcome, TimeSpan Duration, string? Detail = null);

/// <summary>The audit log of tool calls.</summary>
public interface IToolCallAuditLog
{
    /// <summary>Appends a record.</summary>
    Task AppendAsync(ToolCallRecord record, CancellationToken cancellationToken = default);

    /// <summary>The newest records, optionally of one entity, newest first.</summary>
    Task<IReadOnlyList<ToolCallRecord>> QueryAsync(EntityId? entityId, DateTimeOffset? since, int limit, CancellationToken cancellationToken = default);
}
