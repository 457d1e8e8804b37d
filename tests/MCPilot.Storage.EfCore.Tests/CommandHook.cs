using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>
/// Sees every command the stores run through a context: records each (its SQL and parameters),
/// and runs the test's <see cref="Before"/> just before it executes.
/// </summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedCommand> _commands = new();

    /// <summary>Runs before each command executes, with the command (on its connection, in its transaction).</summary>
    public Func<DbCommand, CancellationToken, Task>? Before { get; set; }

    /// <summary>The commands run since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<RecordedCommand> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    /// <summary>
    /// Whether <paramref name="sql"/> has <paramref name="clause"/> (e.g. "UPDATE", "INSERT INTO",
    /// "FROM") followed by <paramref name="table"/>, quoted or not (PostgreSQL's SQL leaves
    /// lower-case names unquoted), with or without a schema.
    /// </summary>
    public static bool Names(string sql, string clause, string table) =>
        Regex.IsMatch(sql, $@"\b{clause}\s+(""?\w+""?\.)?""?{table}""?(\s|$)", RegexOptions.CultureInvariant);

    /// <summary>Runs <paramref name="sql"/> on <paramref name="command"/>'s connection, in its transaction if it has one (so no lock stands in the way).</summary>
    /// <returns>The rows affected.</returns>
    public static async Task<int> RunBesideAsync(DbCommand command, string sql, CancellationToken cancellationToken)
    {
        await using var other = command.Connection!.CreateCommand();
        other.Transaction = command.Transaction;
        other.CommandText = sql;
        return await other.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await SeeAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SeeAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await SeeAsync(command, cancellationToken);
        return result;
    }

    private async Task SeeAsync(DbCommand command, CancellationToken cancellationToken)
    {
        _commands.Enqueue(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => new RecordedParameter(p.ParameterName, p.DbType, p.Value))]));
        if (Before is { } before)
        {
            await before(command, cancellationToken);
        }
    }
}

/// <summary>A command as it was executed.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<RecordedParameter> Parameters)
{
    /// <summary>Makes this command, with its parameters, on <paramref name="connection"/>; <paramref name="prefix"/> goes before its SQL (e.g. EXPLAIN).</summary>
    public DbCommand Create(DbConnection connection, string prefix = "")
    {
        var command = connection.CreateCommand();
        command.CommandText = prefix + Text;
        foreach (var recorded in Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = recorded.Name;
            parameter.DbType = recorded.DbType;
            parameter.Value = recorded.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

/// <summary>A parameter as it was bound.</summary>
public sealed record RecordedParameter(string Name, System.Data.DbType DbType, object? Value);
