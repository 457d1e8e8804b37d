using MCPilot.Entities;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Uploaded entity avatars on EF Core: the current one in <c>mcpilot_entity_avatars</c> (one row per
/// entity), the ones it replaced in <c>mcpilot_entity_previous_avatars</c> (a bounded number per entity).
/// </summary>
internal sealed class EfEntityAvatarStore(IStoreContextSource source) : IEntityAvatarStore
{
    public async Task SaveAsync(EntityAvatar avatar, int keepPrevious, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(avatar);
        ArgumentOutOfRangeException.ThrowIfNegative(keepPrevious);
        var entityId = avatar.EntityId.Value;
        var content = avatar.Content.ToArray();
        using var context = source.Open();
        var db = context.Db;
        var previous = db.Set<PreviousEntityAvatarRow>();
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var current = await db.Set<EntityAvatarRow>().AsNoTracking().FirstOrDefaultAsync(a => a.EntityId == entityId, cancellationToken).ConfigureAwait(false);
        if (current is not null && !string.Equals(current.Hash, avatar.Hash, StringComparison.Ordinal))
        {
            var last = await previous.Where(p => p.EntityId == entityId).MaxAsync(p => (long?)p.Replaced, cancellationToken).ConfigureAwait(false) ?? 0;
            await previous.Where(p => p.EntityId == entityId && p.Hash == current.Hash).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            db.Add(new PreviousEntityAvatarRow { EntityId = entityId, Hash = current.Hash, Replaced = last + 1, ContentType = current.ContentType, Content = current.Content });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        // The new current avatar is not also a previous one, and only the newest previous ones stay.
        await previous.Where(p => p.EntityId == entityId && p.Hash == avatar.Hash).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var oldestKept = await previous.Where(p => p.EntityId == entityId).OrderByDescending(p => p.Replaced)
            .Skip(keepPrevious).Select(p => (long?)p.Replaced).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (oldestKept is { } cut)
        {
            await previous.Where(p => p.EntityId == entityId && p.Replaced <= cut).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await Upsert.RunAsync(
            () => db.Set<EntityAvatarRow>().Where(a => a.EntityId == entityId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ContentType, avatar.ContentType)
                .SetProperty(a => a.Content, content)
                .SetProperty(a => a.Hash, avatar.Hash), cancellationToken),
            db,
            () => new EntityAvatarRow { EntityId = entityId, ContentType = avatar.ContentType, Content = content, Hash = avatar.Hash },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<EntityAvatar?> GetAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        var row = await context.Db.Set<EntityAvatarRow>().AsNoTracking().FirstOrDefaultAsync(a => a.EntityId == entityId.Value, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new EntityAvatar(entityId, row.ContentType, row.Content, row.Hash);
    }

    public async Task<EntityAvatar?> GetAsync(EntityId entityId, string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        using var context = source.Open();
        var db = context.Db;
        var current = await db.Set<EntityAvatarRow>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.EntityId == entityId.Value && a.Hash == hash, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            return new EntityAvatar(entityId, current.ContentType, current.Content, current.Hash);
        }

        var previous = await db.Set<PreviousEntityAvatarRow>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.EntityId == entityId.Value && p.Hash == hash, cancellationToken).ConfigureAwait(false);
        return previous is null ? null : new EntityAvatar(entityId, previous.ContentType, previous.Content, previous.Hash);
    }

    public async Task<bool> DeleteAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        var db = context.Db;
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.Set<EntityAvatarRow>().Where(a => a.EntityId == entityId.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.Set<PreviousEntityAvatarRow>().Where(p => p.EntityId == entityId.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }
}
