using MCPilot.Entities;
using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Entities on EF Core: one row per entity, its memberships and channel policies in child tables.</summary>
internal sealed class EfEntityStore(IStoreContextSource source) : IEntityStore
{
    public async Task<Entity?> GetAsync(EntityId id, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        var row = await Entities(context.Db).FirstOrDefaultAsync(e => e.Id == id.Value, cancellationToken).ConfigureAwait(false);
        return row is null ? null : RowMapping.ToDomain(row);
    }

    public async Task<IReadOnlyList<Entity>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        return ToDomain(await Entities(context.Db).ToListAsync(cancellationToken).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<Entity>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        var guild = RowMapping.Db(guildId);
        return ListAsync(db => db.Set<EntityGuildRow>().Where(g => g.GuildId == guild).Select(g => g.EntityId), cancellationToken);
    }

    public Task<IReadOnlyList<Entity>> ListByChannelAsync(ulong guildId, ulong channelId, ulong? parentChannelId = null, CancellationToken cancellationToken = default)
    {
        // Mirrors ChannelPolicy.Allows. The query starts from the guild's memberships (the index
        // on (guild_id, name_key)) and checks each membership's policy by the channel rows'
        // primary key (entity_id, guild_id, channel_id); the entities are then fetched by id.
        var guild = RowMapping.Db(guildId);
        var channel = RowMapping.Db(channelId);
        var effective = RowMapping.Db(parentChannelId ?? channelId);
        return ListAsync(db =>
        {
            var channels = db.Set<EntityChannelRow>();
            return db.Set<EntityGuildRow>()
                .Where(g => g.GuildId == guild
                    && !channels.Any(c => c.EntityId == g.EntityId && c.GuildId == guild && c.Denied && (c.ChannelId == channel || c.ChannelId == effective))
                    && (!channels.Any(c => c.EntityId == g.EntityId && c.GuildId == guild && c.Allowed)
                        || channels.Any(c => c.EntityId == g.EntityId && c.GuildId == guild && c.ChannelId == effective && c.Allowed)))
                .Select(g => g.EntityId);
        }, cancellationToken);
    }

    public async Task<Entity> CreateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var row = RowMapping.ToRow(entity, 1);
        using var context = source.Open();
        context.Db.Add(row);
        try
        {
            await context.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            if (await context.Db.Set<EntityRow>().AnyAsync(x => x.Id == row.Id, cancellationToken).ConfigureAwait(false))
            {
                throw StoreExceptions.EntityExists(entity.Id);
            }

            throw await NameTakenAsync(context.Db, entity, e, cancellationToken).ConfigureAwait(false);
        }

        return RowMapping.ToDomain(row);
    }

    public async Task<Entity> UpdateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var next = RowMapping.ToRow(entity, entity.Version + 1);
        var guilds = next.Guilds;
        next.Guilds = [];
        using var context = source.Open();
        var db = context.Db;
        await VersionedUpdate.RunAsync<EntityRow>(
            db,
            e => e.Id == next.Id,
            entity.Version,
            row => db.Entry(row).CurrentValues.SetValues(next),
            async row =>
            {
                await db.Set<EntityGuildRow>().Where(g => g.EntityId == row.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                db.AddRange(guilds);
            },
            new(() => StoreExceptions.EntityNotFound(entity), version => StoreExceptions.EntityConflict(entity, version), cause => NameTakenAsync(db, entity, cause, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        next.Guilds = guilds;
        return RowMapping.ToDomain(next);
    }

    public async Task<bool> DeleteAsync(EntityId id, CancellationToken cancellationToken = default)
    {
        using var context = source.Open();
        var db = context.Db;
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<MessageCounterRow>().Where(c => c.EntityId == id.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        // Memberships, channel policies, credentials and DM routes go with it (ON DELETE CASCADE).
        var deleted = await db.Set<EntityRow>().Where(e => e.Id == id.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    private static IQueryable<EntityRow> Entities(DbContext db) =>
        db.Set<EntityRow>().AsNoTracking().Include(e => e.Guilds).ThenInclude(g => g.Channels).AsSplitQuery();

    /// <summary>The entities whose ids <paramref name="ids"/> selects: the query stays in the database, so each lookup runs from its own index.</summary>
    private async Task<IReadOnlyList<Entity>> ListAsync(Func<DbContext, IQueryable<Guid>> ids, CancellationToken cancellationToken)
    {
        using var context = source.Open();
        var selected = ids(context.Db);
        return ToDomain(await Entities(context.Db).Where(e => selected.Contains(e.Id)).ToListAsync(cancellationToken).ConfigureAwait(false));
    }

    private static List<Entity> ToDomain(List<EntityRow> rows) => [.. rows.Select(RowMapping.ToDomain).OrderBy(e => e.Name, StoreKeys.NameOrder)];

    /// <summary>Names the guild where another entity holds the name (a unique-index violation says only that one exists).</summary>
    private static async Task<StoreException> NameTakenAsync(DbContext db, Entity entity, Exception cause, CancellationToken cancellationToken)
    {
        var key = StoreKeys.Name(entity.Name);
        var guilds = entity.Guilds.Select(g => RowMapping.Db(g.GuildId)).ToList();
        var holder = await db.Set<EntityGuildRow>().AsNoTracking()
            .Where(g => guilds.Contains(g.GuildId) && g.NameKey == key && g.EntityId != entity.Id.Value)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return holder is not null
            ? StoreExceptions.EntityNameTaken(entity.Name, RowMapping.Snowflake(holder.GuildId), new EntityId(holder.EntityId))
            : new StoreException(StoreError.Duplicate, $"Entity '{entity.Name}' ({entity.Id}) breaks a unique rule of the store.", cause);
    }
}
