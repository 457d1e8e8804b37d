namespace MCPilot.Entities;

/// <summary>
/// The default avatar store: uploaded avatars (each entity's current one and the previous ones it
/// keeps) in memory, lost at restart. A host that uploads avatars registers a durable
/// <see cref="IEntityAvatarStore"/> (its registration wins).
/// </summary>
internal sealed class InMemoryEntityAvatarStore : IEntityAvatarStore
{
    private readonly Lock _gate = new();

    // Per entity: the current avatar first, then the previous ones, most recently replaced first.
    private readonly Dictionary<EntityId, List<EntityAvatar>> _avatars = [];

    public Task SaveAsync(EntityAvatar avatar, int keepPrevious, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(avatar);
        ArgumentOutOfRangeException.ThrowIfNegative(keepPrevious);
        var copy = avatar with { Content = avatar.Content.ToArray() };
        lock (_gate)
        {
            if (!_avatars.TryGetValue(avatar.EntityId, out var images))
            {
                _avatars[avatar.EntityId] = images = [];
            }

            images.RemoveAll(a => string.Equals(a.Hash, avatar.Hash, StringComparison.Ordinal));
            images.Insert(0, copy);
            if (images.Count > keepPrevious + 1)
            {
                images.RemoveRange(keepPrevious + 1, images.Count - keepPrevious - 1);
            }
        }

        return Task.CompletedTask;
    }

    public Task<EntityAvatar?> GetAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_avatars.TryGetValue(entityId, out var images) ? images[0] : null);
        }
    }

    public Task<EntityAvatar?> GetAsync(EntityId entityId, string hash, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_avatars.TryGetValue(entityId, out var images)
                ? images.Find(a => string.Equals(a.Hash, hash, StringComparison.Ordinal))
                : null);
        }
    }

    public Task<bool> DeleteAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_avatars.Remove(entityId));
        }
    }
}
