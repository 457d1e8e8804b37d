using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore;

/// <summary>Points a DbContext at the database <see cref="StorageOptions"/> describes.</summary>
internal static class StorageProviderConfiguration
{
    public static void Configure(DbContextOptionsBuilder builder, StorageOptions options)
    {
        if (options.Provider == StorageProvider.PostgreSql)
        {
            builder.UseNpgsql(options.ConnectionString);
        }
        else
        {
            builder.UseSqlite(SqliteConnectionString(options));
        }
    }

    /// <summary>The SQLite connection string: the configured one, or the file in the data directory (whose directory is created).</summary>
    public static string SqliteConnectionString(StorageOptions options)
    {
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = options.SqlitePath }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
