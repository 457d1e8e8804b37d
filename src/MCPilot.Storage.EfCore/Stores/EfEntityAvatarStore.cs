using MCPilot.Entities;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Uploaded entity avatars on EF Core, one row per entity.</summary>
internal sealed class EfEntityAvatarStore(IStoreContextSource source) : IEntityAvatarStore
{
    public async Task SaveAsync(EntityAvatar avatar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(avatar);
        var content = avatar.Content.ToArray();
        using var context = source.Open();
        await Upsert.RunAsync(
            () => context.Db.Set<EntityAvatarRow>().Where(a => a.EntityId == avatar.EntityId.Value).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ContentType, avatar.ContentType)
                .SetProperty(a => a.Content, content)
                .SetProperty(a => a.Hash, avatar.Hash), cancellationToken),
            context.Db,
            () => new EntityAvatarRow { EntityId = avatar.EntityId.Value, ContentType = avatar.ContentType, Content = content, Hash = avatar.Hash },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<EntityAvatar?> GetAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        var row = await context.Db.Set<EntityAvatarRow>().AsNoTracking().FirstOrDefaultAsync(a => a.EntityId == entityId.Value, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new EntityAvatar(entityId, row.ContentType, row.Content, row.Hash);
    }

    public async Task<bool> DeleteAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        return await context.Db.Set<EntityAvatarRow>().Where(a => a.EntityId == entityId.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
