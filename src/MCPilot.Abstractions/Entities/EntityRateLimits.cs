using System.ComponentModel.DataAnnotations;

namespace MCPilot.Entities;

/// <summary>
/// Token-bucket limits on what an entity sends (messages, DMs, reactions). A call over the limit
/// returns a tool error that says when to retry.
/// </summary>
public sealed record EntityRateLimits
{
    /// <summary>The default limits: 30 sends a minute, bursts of 10.</summary>
    public static EntityRateLimits Default { get; } = new();

    /// <summary>Sends replenished per minute. Default 30.</summary>
    [Range(1, 10_000)]
    public int SendsPerMinute { get; init; } = 30;

    /// <summary>The bucket size: how many sends may go at once. Default 10.</summary>
    [Range(1, 10_000)]
    public int Burst { get; init; } = 10;
}
