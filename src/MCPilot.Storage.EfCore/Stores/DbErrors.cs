using Microsoft.Data.Sqlite;
using Npgsql;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Recognises constraint violations of the supported providers, wherever EF wraps them.</summary>
internal static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>A unique index or primary key was violated.</summary>
    public static bool IsUniqueViolation(Exception exception) => Find(exception) switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>A foreign key was violated: the referenced row does not exist.</summary>
    public static bool IsForeignKeyViolation(Exception exception) => Find(exception) switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode == SqliteConstraintForeignKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    private static Exception? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException or PostgresException)
            {
                return exception;
            }
        }

        return null;
    }
}
