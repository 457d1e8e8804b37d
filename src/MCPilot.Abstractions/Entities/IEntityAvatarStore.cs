namespace MCPilot.Entities;

/// <summary>An avatar image uploaded for an entity, checked (format, size, square) before it is stored.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="ContentType">The image's media type: <c>image/png</c>, <c>image/jpeg</c>, <c>image/gif</c> or <c>image/webp</c>.</param>
/// <param name="Content">The image's bytes.</param>
/// <param name="Hash">A short hex digest of the bytes, part of the image's URL so that a new image gets a new URL.</param>
public sealed record EntityAvatar(EntityId EntityId, string ContentType, ReadOnlyMemory<byte> Content, string Hash);

/// <summary>Keeps uploaded entity avatars, one per entity, which the host serves at a stable URL.</summary>
public interface IEntityAvatarStore
{
    /// <summary>Stores (or replaces) the entity's avatar.</summary>
    Task SaveAsync(EntityAvatar avatar, CancellationToken cancellationToken = default);

    /// <summary>The entity's avatar, or <see langword="null"/>.</summary>
    Task<EntityAvatar?> GetAsync(EntityId entityId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entity's avatar; returns <see langword="false"/> when it had none.</summary>
    Task<bool> DeleteAsync(EntityId entityId, CancellationToken cancellationToken = default);
}
