using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Update-or-insert without provider-specific SQL: update the row; when there is none, insert
/// it; when a concurrent writer inserted it first (a unique violation), update again.
/// </summary>
internal static class Upsert
{
    public static async Task RunAsync<TRow>(Func<Task<int>> update, DbContext db, Func<TRow> insert, CancellationToken cancellationToken)
        where TRow : class
    {
        if (await update().ConfigureAwait(false) > 0)
        {
            return;
        }

        var row = insert();
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.Entry(row).State = EntityState.Detached;
            await update().ConfigureAwait(false);
        }
    }
}
