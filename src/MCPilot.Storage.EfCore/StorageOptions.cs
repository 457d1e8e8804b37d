using System.ComponentModel.DataAnnotations;

namespace MCPilot.Storage.EfCore;

/// <summary>
/// Where and how MCPilot keeps its data, bound from <c>MCPilot:Storage</c>. The defaults need no
/// configuration: a SQLite file <c>data/mcpilot.db</c>, migrated at start.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Storage";

    /// <summary>The default of <see cref="DataDirectory"/>.</summary>
    public const string DefaultDataDirectory = "data";

    /// <summary>The SQLite database's file name in <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "mcpilot.db";

    /// <summary>The database engine. Default <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. Required for PostgreSQL (e.g.
    /// <c>Host=db;Database=mcpilot;Username=mcpilot;Password=…</c>); for SQLite it overrides the
    /// file in <see cref="DataDirectory"/>. Must be unset when the host configures the DbContext
    /// itself (<c>AddDbContext</c> before <c>AddEfStore&lt;TContext&gt;()</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The directory of the SQLite file (relative paths resolve against the working directory);
    /// created when missing. Default <see cref="DefaultDataDirectory"/>.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "MCPilot:Storage:DataDirectory must name a directory.")]
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>
    /// Whether pending migrations are applied when the host starts. Default true. When false, a
    /// database that needs migrations stops the start with a message; migrate it with the
    /// host's <c>db migrate</c> command (<see cref="MCPilotDatabase.MigrateAsync"/>).
    /// </summary>
    public bool ApplyMigrationsAtStart { get; set; } = true;

    /// <summary>The SQLite file <see cref="DataDirectory"/> designates, as a full path.</summary>
    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, SqliteFileName));

    /// <summary>Describes the options without the connection string, which may hold a password.</summary>
    public override string ToString() =>
        $"StorageOptions({Provider}, connection string {(ConnectionString is null ? "unset" : "set")}, data directory '{DataDirectory}', migrate at start: {ApplyMigrationsAtStart})";
}
