using MCPilot.Storage.EfCore.Model;
using MCPilot.Vault;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// The vault's per-owner salts on EF Core. <see cref="GetOrAddAsync"/> is atomic across hosts:
/// the primary key lets one insert win, and the losers read the winner's salt.
/// </summary>
internal sealed class EfOwnerSaltStore(IStoreContextSource source, TimeProvider time) : IOwnerSaltStore
{
    public const int MinimumSaltBytes = 16;

    public async ValueTask<byte[]?> GetAsync(OwnerId owner, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        return await FindAsync(context.Db, owner, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<byte[]> GetOrAddAsync(OwnerId owner, byte[] candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Length < MinimumSaltBytes)
        {
            throw new ArgumentException($"A salt has at least {MinimumSaltBytes} bytes.", nameof(candidate));
        }

        using var context = source.Open();
        if (await FindAsync(context.Db, owner, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        context.Db.Add(new OwnerSaltRow { Owner = owner.Value, Salt = [.. candidate], CreatedAt = RowMapping.Db(time.GetUtcNow()) });
        try
        {
            await context.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return [.. candidate];
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return await FindAsync(context.Db, owner, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The salt of owner '{owner}' was deleted while it was being added; try again.", e);
        }
    }

    public async ValueTask<bool> DeleteAsync(OwnerId owner, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        return await context.Db.Set<OwnerSaltRow>().Where(s => s.Owner == owner.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static Task<byte[]?> FindAsync(DbContext db, OwnerId owner, CancellationToken cancellationToken) =>
        db.Set<OwnerSaltRow>().AsNoTracking().Where(s => s.Owner == owner.Value).Select(s => s.Salt).FirstOrDefaultAsync(cancellationToken);
}
