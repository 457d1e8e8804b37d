using MCPilot.Storage.EfCore.Migrations;
using MCPilot.Storage.EfCore.Model;
using MCPilot.Storage.EfCore.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MCPilot.Storage.EfCore;

/// <summary>
/// MCPilot's tables in the configured database: their schema status and their migrations (the
/// host CLI's <c>db migrate</c>). MCPilot keeps its migrations apart from a bot's, in the
/// history table <c>__mcpilot_migrations</c>, and refuses a database that a newer MCPilot upgraded.
/// </summary>
public sealed class MCPilotDatabase
{
    private readonly IStoreContextSource _source;
    private readonly ILogger _logger;

    internal MCPilotDatabase(IStoreContextSource source, ILogger<MCPilotDatabase>? logger = null)
    {
        _source = source;
        _logger = logger ?? NullLogger<MCPilotDatabase>.Instance;
    }

    /// <summary>The migrations this version knows, oldest first.</summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = [.. MCPilotMigrationsAssembly.All.Select(m => m.Id)];

    /// <summary>Reads which migrations the database has and which it needs.</summary>
    public async Task<MCPilotSchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        using var context = _source.Open();
        using var migrations = MCPilotMigrationContext.For(context.Db);
        return await StatusAsync(migrations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies every pending migration.</summary>
    /// <returns>The migrations applied, oldest first (none when the schema was current).</returns>
    /// <exception cref="InvalidOperationException">A newer MCPilot upgraded the database.</exception>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateToAsync(null, cancellationToken);

    /// <summary>Migrates to <paramref name="target"/> (null: the newest); used by tests to build an older schema.</summary>
    internal async Task<IReadOnlyList<string>> MigrateToAsync(string? target, CancellationToken cancellationToken)
    {
        using var context = _source.Open();
        using var migrations = MCPilotMigrationContext.For(context.Db);
        var status = await StatusAsync(migrations, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(status);
        var end = target is null ? status.Pending.Count : status.Pending.TakeWhile(id => string.CompareOrdinal(id, target) <= 0).Count();
        IReadOnlyList<string> applying = [.. status.Pending.Take(end)];
        if (applying.Count == 0)
        {
            return applying;
        }

        await migrations.GetService<IMigrator>().MigrateAsync(applying[^1], cancellationToken).ConfigureAwait(false);
        EfStoreLog.MigrationsApplied(_logger, applying.Count, applying);
        return applying;
    }

    /// <summary>
    /// What the host does at start: checks that the context carries MCPilot's model, puts SQLite
    /// in WAL mode, refuses a newer database, and applies pending migrations (or, when
    /// <paramref name="applyMigrations"/> is false, refuses a database that needs them).
    /// </summary>
    internal async Task PrepareAsync(bool applyMigrations, CancellationToken cancellationToken)
    {
        using (var context = _source.Open())
        {
            if (context.Db.Model.FindEntityType(typeof(EntityRow)) is null)
            {
                throw new InvalidOperationException($"{_source.ContextType.Name} does not include MCPilot's model: call modelBuilder.ApplyMCPilotModel() in its OnModelCreating.");
            }

            if (context.Db.Database.IsSqlite())
            {
                var modes = await context.Db.Database.SqlQueryRaw<string>("PRAGMA journal_mode=WAL").ToListAsync(cancellationToken).ConfigureAwait(false);
                var connection = context.Db.Database.GetDbConnection();
                EfStoreLog.SqliteJournalMode(_logger, connection.DataSource, modes);
            }
        }

        var status = await GetStatusAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(status);
        if (status.Pending.Count == 0)
        {
            EfStoreLog.SchemaCurrent(_logger, status.Applied.Count > 0 ? status.Applied[^1] : "none", status.Applied.Count);
            return;
        }

        if (!applyMigrations)
        {
            throw new InvalidOperationException(
                $"The database's MCPilot tables need {status.Pending.Count} migration(s) ({string.Join(", ", status.Pending)}) and MCPilot:Storage:ApplyMigrationsAtStart is false. " +
                "Apply them with the host's `db migrate` command (MCPilotDatabase.MigrateAsync), or set MCPilot:Storage:ApplyMigrationsAtStart to true.");
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<MCPilotSchemaStatus> StatusAsync(MCPilotMigrationContext migrations, CancellationToken cancellationToken)
    {
        var applied = (await migrations.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return new MCPilotSchemaStatus(
            [.. KnownMigrations.Where(applied.Contains)],
            [.. KnownMigrations.Where(id => !applied.Contains(id))],
            [.. applied.Where(id => !KnownMigrations.Contains(id)).Order(StringComparer.Ordinal)]);
    }

    private static void ThrowIfNewer(MCPilotSchemaStatus status)
    {
        if (status.IsNewerThanThisVersion)
        {
            throw new InvalidOperationException(
                $"The database's MCPilot tables were upgraded by a newer MCPilot: they have migration(s) {string.Join(", ", status.Unknown)}, which this version does not know (its newest is {MCPilotMigrationsAssembly.Latest}). " +
                "This version refuses the database rather than risk data it does not understand: run the newer MCPilot, or restore a backup made before the upgrade.");
        }
    }
}
