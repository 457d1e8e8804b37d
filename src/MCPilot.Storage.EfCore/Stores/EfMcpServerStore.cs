using System.Runtime.CompilerServices;
using MCPilot.Servers;
using MCPilot.Storage.EfCore.Model;
using MCPilot.Vault;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Members' MCP server registrations on EF Core; their header and environment envelopes are rows
/// of their own, so that key rotation can swap one envelope atomically.
/// </summary>
internal sealed class EfMcpServerStore(IStoreContextSource source) : IMcpServerStore
{
    private static readonly string UserScope = nameof(McpServerScope.User);
    private static readonly string ChannelScope = nameof(McpServerScope.Channel);
    private static readonly string GlobalScope = nameof(McpServerScope.Global);

    public async Task<McpServerRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        var row = await Servers(context.Db).FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : RowMapping.ToDomain(row);
    }

    public Task<IReadOnlyList<McpServerRegistration>> ListVisibleAsync(ulong? guildId, ulong channelId, ulong? parentChannelId, ulong userId, CancellationToken cancellationToken = default)
    {
        var user = OwnerId.ForDiscordUser(userId).Value;
        var guild = RowMapping.Db(guildId);
        var channel = RowMapping.Db(channelId);
        var parent = RowMapping.Db(parentChannelId ?? channelId);
        return ListAsync(q => q.Where(r => r.Enabled && (
            (r.Scope == UserScope && r.Owner == user && (r.GuildId == null || r.GuildId == guild))
            || (guild != null && r.GuildId == guild && (r.Scope == GlobalScope || (r.Scope == ChannelScope && (r.ChannelId == channel || r.ChannelId == parent)))))), cancellationToken);
    }

    public Task<IReadOnlyList<McpServerRegistration>> ListByGuildAsync(ulong guildId, McpServerScope? scope = null, CancellationToken cancellationToken = default)
    {
        var guild = RowMapping.Db(guildId);
        var scopeName = scope?.ToString();
        return ListAsync(q => q.Where(r => r.GuildId == guild && (scopeName == null || r.Scope == scopeName)), cancellationToken);
    }

    public Task<IReadOnlyList<McpServerRegistration>> ListByOwnerAsync(OwnerId owner, CancellationToken cancellationToken = default)
    {
        var value = owner.Value;
        return ListAsync(q => q.Where(r => r.Owner == value), cancellationToken);
    }

    public async Task<McpServerRegistration> CreateAsync(McpServerRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var row = RowMapping.Fill(new McpServerRow(), registration, 1);
        row.Secrets = RowMapping.SecretRows(registration);
        using var context = source.Open();
        context.Db.Add(row);
        try
        {
            await context.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            if (await context.Db.Set<McpServerRow>().AnyAsync(r => r.Id == registration.Id, cancellationToken).ConfigureAwait(false))
            {
                throw StoreExceptions.RegistrationExists(registration.Id);
            }

            throw await NameTakenAsync(context.Db, registration, e, cancellationToken).ConfigureAwait(false);
        }

        return RowMapping.ToDomain(row);
    }

    public async Task<McpServerRegistration> UpdateAsync(McpServerRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var next = RowMapping.Fill(new McpServerRow(), registration, registration.Version + 1);
        var secrets = RowMapping.SecretRows(registration);
        using var context = source.Open();
        var db = context.Db;
        await VersionedUpdate.RunAsync<McpServerRow>(
            db,
            r => r.Id == registration.Id,
            registration.Version,
            row => RowMapping.Fill(row, registration, registration.Version + 1),
            async row =>
            {
                await db.Set<McpServerSecretRow>().Where(s => s.ServerId == row.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                db.AddRange(secrets);
            },
            new(() => StoreExceptions.RegistrationNotFound(registration), version => StoreExceptions.RegistrationConflict(registration, version), cause => NameTakenAsync(db, registration, cause, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        next.Secrets = secrets;
        return RowMapping.ToDomain(next);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        return await context.Db.Set<McpServerRow>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async IAsyncEnumerable<VaultedField> GetFieldsAsync(OwnerId owner, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var value = owner.Value;
        List<McpServerSecretRow> secrets;
        using (var context = source.Open())
        {
            // Read them all first: the caller writes (ReplaceAsync) while it walks the list.
            secrets = await context.Db.Set<McpServerSecretRow>().AsNoTracking()
                .Where(s => context.Db.Set<McpServerRow>().Any(r => r.Id == s.ServerId && r.Owner == value))
                .OrderBy(s => s.ServerId).ThenBy(s => s.Field)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var secret in secrets)
        {
            yield return new VaultedField(new SecretBinding(owner, secret.ServerId.ToString("N"), secret.Field), secret.Envelope);
        }
    }

    public async ValueTask<bool> ReplaceAsync(VaultedField field, string newEnvelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(newEnvelope);
        if (!Guid.TryParseExact(field.Binding.RecordId, "N", out var id))
        {
            return false;
        }

        var owner = field.Binding.Owner.Value;
        var name = field.Binding.Field;
        var old = field.Envelope;
        using var context = source.Open();
        var db = context.Db;
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The version moves too, so that an edit based on an older read conflicts instead of writing the old envelope back.
        var versioned = await db.Set<McpServerRow>().Where(r => r.Id == id && r.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1), cancellationToken).ConfigureAwait(false);
        var swapped = versioned == 0 ? 0 : await db.Set<McpServerSecretRow>().Where(s => s.ServerId == id && s.Field == name && s.Envelope == old)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Envelope, newEnvelope), cancellationToken).ConfigureAwait(false);
        if (swapped == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static IQueryable<McpServerRow> Servers(DbContext db) => db.Set<McpServerRow>().AsNoTracking().Include(r => r.Secrets);

    private async Task<IReadOnlyList<McpServerRegistration>> ListAsync(Func<IQueryable<McpServerRow>, IQueryable<McpServerRow>> filter, CancellationToken cancellationToken)
    {
        using var context = source.Open();
        var rows = await filter(Servers(context.Db)).AsSplitQuery().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(RowMapping.ToDomain).OrderBy(r => r.Name, StoreKeys.NameOrder).ThenBy(r => r.Id)];
    }

    private static async Task<StoreException> NameTakenAsync(DbContext db, McpServerRegistration registration, Exception cause, CancellationToken cancellationToken)
    {
        var place = StoreKeys.Place(registration);
        var key = StoreKeys.Name(registration.Name);
        var holder = await db.Set<McpServerRow>().AsNoTracking()
            .Where(r => r.PlaceKey == place && r.NameKey == key && r.Id != registration.Id)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return holder is { } id
            ? StoreExceptions.RegistrationNameTaken(registration, id)
            : new StoreException(StoreError.Duplicate, $"MCP server '{registration.Name}' ({registration.Id:N}) breaks a unique rule of the store.", cause);
    }
}
