using Microsoft.Data.Sqlite;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>A temporary data directory for a SQLite database, deleted on dispose.</summary>
public sealed class TestSqliteDatabase : IDisposable
{
    /// <summary>The data directory.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "mcpilot-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>The database file MCPilot makes in <see cref="Directory"/>.</summary>
    public string FilePath => Path.Combine(Directory, StorageOptions.SqliteFileName);

    /// <summary>A connection string to the database file.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
