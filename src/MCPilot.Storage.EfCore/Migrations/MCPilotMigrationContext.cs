using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MCPilot.Storage.EfCore.Migrations;

/// <summary>
/// The context MCPilot migrates its tables with, on the connection of the host's context:
/// MCPilot's model alone, its own migrations, and its own history table, so that a bot's
/// migrations and MCPilot's never mix.
/// </summary>
internal sealed class MCPilotMigrationContext : DbContext
{
    /// <summary>The history table of MCPilot's migrations.</summary>
    public const string HistoryTable = "__mcpilot_migrations";

    private MCPilotMigrationContext(DbContextOptions<MCPilotMigrationContext> options, string? schema)
        : base(options) => Schema = schema;

    /// <summary>The schema MCPilot's tables live in (PostgreSQL), or null for the connection's default.</summary>
    public string? Schema { get; }

    /// <summary>A migration context on <paramref name="db"/>'s connection, for the schema its model puts MCPilot's tables in.</summary>
    public static MCPilotMigrationContext For(DbContext db)
    {
        var schema = db.Model.FindEntityType(typeof(EntityRow))?.GetSchema();
        var connection = db.Database.GetDbConnection();
        var builder = new DbContextOptionsBuilder<MCPilotMigrationContext>();
        if (db.Database.IsNpgsql())
        {
            builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(HistoryTable, schema));
        }
        else if (db.Database.IsSqlite())
        {
            builder.UseSqlite(connection, o => o.MigrationsHistoryTable(HistoryTable));
            schema = null;
        }
        else
        {
            throw new NotSupportedException($"{db.GetType().Name} uses the database provider '{db.Database.ProviderName}'; MCPilot's EF Core store supports SQLite and PostgreSQL (Npgsql).");
        }

        builder.ReplaceService<IMigrationsAssembly, MCPilotMigrationsAssembly>()
            .ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new MCPilotMigrationContext(builder.Options, schema);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Schema is not null)
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        MCPilotModel.Apply(modelBuilder, excludeFromMigrations: false);
    }

    /// <summary>Caches one model per schema.</summary>
    private sealed class SchemaModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), ((MCPilotMigrationContext)context).Schema, designTime);
    }
}
