namespace MCPilot.Storage.EfCore;

/// <summary>The database engine behind MCPilot's EF Core stores.</summary>
public enum StorageProvider
{
    /// <summary>SQLite: one file in the data directory, in WAL mode. The embedded default, for one host.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql): for scale, and for several hosts sharing one database.</summary>
    PostgreSql,
}
