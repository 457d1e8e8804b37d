using Microsoft.Extensions.Logging;

namespace MCPilot.Storage.EfCore;

/// <summary>The EF Core store's log messages.</summary>
internal static partial class EfStoreLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Applied {Count} MCPilot migration(s): {Migrations}")]
    public static partial void MigrationsApplied(ILogger logger, int count, IEnumerable<string> migrations);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "MCPilot's schema is current: migration {Latest}, {Count} applied")]
    public static partial void SchemaCurrent(ILogger logger, string latest, int count);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "SQLite database {Path} in journal mode {Mode}")]
    public static partial void SqliteJournalMode(ILogger logger, string path, IEnumerable<string> mode);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Deleted {Count} persisted feed message(s) of entity {EntityId} ({Kind}, node '{Node}') that could not be read back; the rest of the feed is restored")]
    public static partial void UnreadableFeedMessages(ILogger logger, int count, Guid entityId, string kind, string node);
}
