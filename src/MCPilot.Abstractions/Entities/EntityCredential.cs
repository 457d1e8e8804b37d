namespace MCPilot.Entities;

/// <summary>
/// One API key of an entity, as stored: the key itself is shown once at creation and never kept;
/// the store holds its lookup id and SHA-256 hash.
/// </summary>
public sealed record EntityCredential
{
    /// <summary>The credential's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The entity the key opens (and no other).</summary>
    public required EntityId EntityId { get; init; }

    /// <summary>The non-secret lookup id embedded in the key (unique).</summary>
    public required string LookupId { get; init; }

    /// <summary>SHA-256 of the key.</summary>
    public required byte[] KeyHash { get; init; }

    /// <summary>A label chosen by whoever created the key, e.g. "claude desktop".</summary>
    public string? Label { get; init; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the key was last used to authenticate.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>When the key stops working, if it expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the key was revoked; a revoked key never authenticates again.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Whether the key may authenticate at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
