using Npgsql;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>
/// A fresh PostgreSQL database on the server named by <c>MCPILOT_TEST_POSTGRES</c> (which
/// <c>./build/test.sh</c> starts), dropped on dispose.
/// </summary>
public sealed class TestPostgresDatabase : IAsyncDisposable
{
    /// <summary>The environment variable with the server's connection string (Database=postgres).</summary>
    public const string Variable = "MCPILOT_TEST_POSTGRES";

    private readonly string _server;

    private TestPostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string to the database.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's connection string, or a failure that says how to get one.</summary>
    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"The PostgreSQL half of the storage tests needs a server: run them with ./build/test.sh (which installs and starts a throwaway PostgreSQL on 127.0.0.1), " +
            $"or set {Variable} to a connection string with Database=postgres for a user that may create databases, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");

    /// <summary>Creates a database with a unique name.</summary>
    public static async Task<TestPostgresDatabase> CreateAsync()
    {
        var server = Server;
        var name = "mcpilot_test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestPostgresDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
