using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Replaces a versioned record (a row with a <c>Version</c> concurrency token, and child rows) in
/// one transaction: refuses a stale version, lets the UPDATE's version check catch a concurrent
/// writer, and turns unique-index violations into the store's own error.
/// </summary>
internal static class VersionedUpdate
{
    public const string VersionProperty = "Version";

    /// <param name="db">The context.</param>
    /// <param name="find">Selects the record's row.</param>
    /// <param name="readVersion">The version the caller read.</param>
    /// <param name="apply">Copies the new values (and version <paramref name="readVersion"/> + 1) onto the tracked row.</param>
    /// <param name="replaceChildren">Deletes and re-adds the child rows (in the transaction).</param>
    /// <param name="errors">The store's errors for this record.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public static async Task RunAsync<TRow>(
        DbContext db,
        Expression<Func<TRow, bool>> find,
        long readVersion,
        Action<TRow> apply,
        Func<TRow, Task> replaceChildren,
        Errors errors,
        CancellationToken cancellationToken)
        where TRow : class
    {
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Set<TRow>().FirstOrDefaultAsync(find, cancellationToken).ConfigureAwait(false) ?? throw errors.NotFound();
        var stored = db.Entry(row).Property<long>(VersionProperty).CurrentValue;
        if (stored != readVersion)
        {
            throw errors.Conflict(stored);
        }

        apply(row);
        try
        {
            // The version is a concurrency token: the UPDATE matches only the version read above.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await replaceChildren(row).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var current = await db.Set<TRow>().AsNoTracking().Where(find)
                .Select(r => (long?)EF.Property<long>(r, VersionProperty)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            throw current is { } version ? errors.Conflict(version) : errors.NotFound();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            throw await errors.Duplicate(e).ConfigureAwait(false);
        }
    }

    /// <summary>The errors of one record.</summary>
    /// <param name="NotFound">It does not exist.</param>
    /// <param name="Conflict">It is at another version (the argument).</param>
    /// <param name="Duplicate">A unique rule was broken (the argument is the cause).</param>
    public sealed record Errors(Func<StoreException> NotFound, Func<long, StoreException> Conflict, Func<Exception, Task<StoreException>> Duplicate);
}
