namespace MCPilot.Discord.Rest;

/// <summary>One REST request as the transport sends it: the body is serialised once, so every retry sends the same bytes.</summary>
internal sealed class DiscordRequest
{
    public required DiscordRoute Route { get; init; }

    /// <summary>The query string without '?', or null.</summary>
    public string? Query { get; init; }

    /// <summary>The JSON body, or null.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Whether and how a failed attempt may be retried without a duplicate.</summary>
    public RetrySafety Safety { get; init; } = RetrySafety.Idempotent;

    /// <summary>
    /// For <see cref="RetrySafety.Reconcile"/>: looks for what an earlier attempt may already
    /// have created, and returns it as the answer instead of sending again. It is given the
    /// moment the first attempt was sent (nothing older can be that attempt's doing).
    /// </summary>
    public Func<DateTimeOffset, CancellationToken, Task<DiscordResponse?>>? Reconcile { get; init; }
}
