using MCPilot.Entities;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Entities' API keys on EF Core, found by their unique lookup id.</summary>
internal sealed class EfEntityCredentialStore(IStoreContextSource source) : IEntityCredentialStore
{
    /// <summary>
    /// The authentication lookup, made on every request: compiled once per store, since a
    /// compiled query serves one model (this store's context, with its provider).
    /// </summary>
    private readonly Func<DbContext, string, Task<CredentialRow?>> _findByLookupId =
        EF.CompileAsyncQuery((DbContext db, string lookupId) => db.Set<CredentialRow>().AsNoTracking().FirstOrDefault(c => c.LookupId == lookupId));

    public async Task AddAsync(EntityCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        using var context = source.Open();
        context.Db.Add(RowMapping.ToRow(credential));
        try
        {
            await context.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DbErrors.IsForeignKeyViolation(e))
        {
            throw StoreExceptions.EntityMissing(credential.EntityId, "a credential");
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw StoreExceptions.LookupIdTaken(credential.LookupId);
        }
    }

    public async Task<EntityCredential?> FindByLookupIdAsync(string lookupId, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        cancellationToken.ThrowIfCancellationRequested();
        var row = await _findByLookupId(context.Db, lookupId).ConfigureAwait(false);
        return row is null ? null : RowMapping.ToDomain(row);
    }

    public async Task<IReadOnlyList<EntityCredential>> ListAsync(EntityId entityId, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        var rows = await context.Db.Set<CredentialRow>().AsNoTracking()
            .Where(c => c.EntityId == entityId.Value)
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(RowMapping.ToDomain)];
    }

    public async Task<bool> RevokeAsync(EntityId entityId, Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var revokedAt = RowMapping.Db(at);
        using var context = source.Open();
        return await context.Db.Set<CredentialRow>()
            .Where(c => c.Id == credentialId && c.EntityId == entityId.Value && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, revokedAt), cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task TouchAsync(Guid credentialId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var usedAt = RowMapping.Db(at);
        using var context = source.Open();
        await context.Db.Set<CredentialRow>()
            .Where(c => c.Id == credentialId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, usedAt), cancellationToken).ConfigureAwait(false);
    }
}
