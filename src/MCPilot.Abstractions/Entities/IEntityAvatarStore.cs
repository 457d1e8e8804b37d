namespace MCPilot.Entities;

/// <summary>An avatar image uploaded for an entity, checked (format, size, square) before it is stored.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="ContentType">The image's media type: <c>image/png</c>, <c>image/jpeg</c>, <c>image/gif</c> or <c>image/webp</c>.</param>
/// <param name="Content">The image's bytes.</param>
/// <param name="Hash">A short hex digest of the bytes, part of the image's URL so that a new image gets a new URL.</param>
public sealed record EntityAvatar(EntityId EntityId, string ContentType, ReadOnlyMemory<byte> Content, string Hash);

/// <summary>
/// Keeps uploaded entity avatars, which the host serves at URLs that name the image's hash: each
/// entity's current avatar, and a bounded number of the images it replaced, so that Discord messages
/// sent with an older avatar (whose URL they carry) keep showing it.
/// </summary>
public interface IEntityAvatarStore
{
    /// <summary>
    /// Stores <paramref name="avatar"/> as the entity's current avatar. The avatar it replaces (when
    /// its hash differs) stays readable by its hash as a previous avatar; of the previous avatars only
    /// the <paramref name="keepPrevious"/> most recently replaced are kept, older ones are deleted.
    /// Saving an image that is already a previous avatar makes it current again.
    /// </summary>
    /// <param name="avatar">The new current avatar.</param>
    /// <param name="keepPrevious">How many previous avatars of the entity to keep (0 keeps none).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task SaveAsync(EntityAvatar avatar, int keepPrevious, CancellationToken cancellationToken = default);

    /// <summary>The entity's current avatar, or <see langword="null"/>.</summary>
    Task<EntityAvatar?> GetAsync(EntityId entityId, CancellationToken cancellationToken = default);

    /// <summary>The entity's current or kept previous avatar whose hash is <paramref name="hash"/>, or <see langword="null"/>.</summary>
    Task<EntityAvatar?> GetAsync(EntityId entityId, string hash, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entity's current and previous avatars; returns <see langword="false"/> when it had none.</summary>
    Task<bool> DeleteAsync(EntityId entityId, CancellationToken cancellationToken = default);
}
