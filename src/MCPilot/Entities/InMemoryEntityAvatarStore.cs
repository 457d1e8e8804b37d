using System.Collections.Concurrent;

namespace MCPilot.Entities;

/// <summary>
/// The default avatar store: uploaded avatars in memory, lost at restart. A host that uploads
/// avatars registers a durable <see cref="IEntityAvatarStore"/> (its registration wins).
/// </summary>
internal sealed class InMemoryEntityAvatarStore : IEntityAvatarStore
{
    private readonly ConcurrentDictionary<EntityId, EntityAvatar> _avatars = new();

    public Task SaveAsync(EntityAvatar avatar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(avatar);
        _avatars[avatar.EntityId] = avatar with { Content = avatar.Content.ToArray() };
        return Task.CompletedTask;
    }

    public Task<EntityAvatar?> GetAsync(EntityId entityId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_avatars.GetValueOrDefault(entityId));

    public Task<bool> DeleteAsync(EntityId entityId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_avatars.TryRemove(entityId, out _));
}
