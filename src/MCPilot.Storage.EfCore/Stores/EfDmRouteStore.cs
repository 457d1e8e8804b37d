using MCPilot.Entities;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Each user's active DM entity on EF Core (a route goes with its entity: ON DELETE CASCADE).</summary>
internal sealed class EfDmRouteStore(IStoreContextSource source) : IDmRouteStore
{
    public async Task<EntityId?> GetActiveEntityAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        var user = RowMapping.Db(userId);
        using var context = source.Open();
        var entity = await context.Db.Set<DmRouteRow>().AsNoTracking().Where(r => r.UserId == user).Select(r => (Guid?)r.EntityId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return entity is { } id ? new EntityId(id) : null;
    }

    public async Task SetActiveEntityAsync(ulong userId, EntityId? entityId, CancellationToken cancellationToken = default)
    {
        var user = RowMapping.Db(userId);
        using var context = source.Open();
        var routes = context.Db.Set<DmRouteRow>();
        if (entityId is not { } target)
        {
            await routes.Where(r => r.UserId == user).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await Upsert.RunAsync(
                () => routes.Where(r => r.UserId == user).ExecuteUpdateAsync(s => s.SetProperty(r => r.EntityId, target.Value), cancellationToken),
                context.Db,
                () => new DmRouteRow { UserId = user, EntityId = target.Value },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DbErrors.IsForeignKeyViolation(e))
        {
            throw StoreExceptions.EntityMissing(target, "a DM route");
        }
    }
}
