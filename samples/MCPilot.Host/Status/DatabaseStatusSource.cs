using System.Data.Common;
using System.Text.Json.Nodes;
using MCPilot.Storage.EfCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MCPilot.Host.Status;

/// <summary>The database: where it is (never its password) and whether its schema is this version's.</summary>
internal sealed class DatabaseStatusSource(MCPilotDatabase database, IOptions<StorageOptions> storage) : IHostStatusSource
{
    public string Name => "database";

    public bool IsLive => false;

    /// <summary>Where the database is, without credentials: a file path, or host, port and database.</summary>
    public static string Describe(StorageOptions options)
    {
        if (options.Provider == StorageProvider.PostgreSql)
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? options.SqlitePath
            : Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    /// <summary>What to do about a database that a newer MCPilot upgraded.</summary>
    public static string NewerDatabaseProblem(MCPilotSchemaStatus schema) =>
        $"A newer MCPilot upgraded this database (migrations {string.Join(", ", schema.Unknown)}); this version refuses it. Run the newer MCPilot, or restore a backup made before the upgrade.";

    public async Task<HostStatusSection> ReadAsync(CancellationToken cancellationToken)
    {
        var options = storage.Value;
        var fields = new JsonObject
        {
            ["provider"] = options.Provider.ToString(),
            ["location"] = Describe(options),
        };

        MCPilotSchemaStatus schema;
        try
        {
            schema = await database.GetStatusAsync(cancellationToken);
        }
        catch (DbException e)
        {
            return new HostStatusSection(Name, HostStatusLevel.Error,
                $"The database cannot be reached: {e.Message} Check MCPilot:Storage (provider, connection string) and that the server is running.", fields);
        }

        fields["appliedMigrations"] = schema.Applied.Count;
        fields["latestMigration"] = schema.Applied.Count > 0 ? schema.Applied[^1] : null;
        fields["pendingMigrations"] = new JsonArray([.. schema.Pending.Select(p => (JsonNode?)p)]);
        fields["unknownMigrations"] = new JsonArray([.. schema.Unknown.Select(p => (JsonNode?)p)]);
        if (schema.IsNewerThanThisVersion)
        {
            return new HostStatusSection(Name, HostStatusLevel.Error, NewerDatabaseProblem(schema), fields);
        }

        if (schema.Pending.Count > 0)
        {
            return options.ApplyMigrationsAtStart
                ? new HostStatusSection(Name, HostStatusLevel.Warning, $"{schema.Pending.Count} migration(s) pending: the host applies them when it starts, or run `db migrate` now.", fields)
                : new HostStatusSection(Name, HostStatusLevel.Error, $"{schema.Pending.Count} migration(s) pending and MCPilot:Storage:ApplyMigrationsAtStart is false, so the host will not start: run `db migrate`.", fields);
        }

        return HostStatusSection.Ok(Name, fields);
    }
}
