using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MCPilot.Storage.EfCore.Tests.Migrations;

/// <summary>An empty database of one provider, with the raw access the schema tests need.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;

    private TestDatabase(StorageProvider provider, string connectionString, IAsyncDisposable owner)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _owner = owner;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.PostgreSql)
        {
            var database = await TestPostgresDatabase.CreateAsync();
            return new TestDatabase(provider, database.ConnectionString, database);
        }

        var sqlite = new TestSqliteDatabase();
        Directory.CreateDirectory(sqlite.Directory);
        return new TestDatabase(provider, sqlite.ConnectionString, new AsyncDisposer(sqlite));
    }

    /// <summary>A service provider with MCPilot's EF store on this database.</summary>
    public ServiceProvider Services(Action<StorageOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddMCPilot().AddEfStore(o =>
        {
            o.Provider = Provider;
            o.ConnectionString = ConnectionString;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A service provider with MCPilot's EF store on this database, prepared as at start (WAL,
    /// migrations), with <paramref name="interceptor"/> seeing every command: the host registers
    /// the context itself (as a host that adds its own interceptors does), so MCPilot uses that
    /// registration as it is. (MCPilotDbContext rather than BotDbContext, whose model depends on a
    /// static schema setting that another test changes.)
    /// </summary>
    public async Task<ServiceProvider> ServicesAsync(IInterceptor interceptor)
    {
        var services = new ServiceCollection();
        services.AddDbContext<MCPilotDbContext>(o => (Provider == StorageProvider.PostgreSql ? o.UseNpgsql(ConnectionString) : o.UseSqlite(ConnectionString)).AddInterceptors(interceptor));
        services.AddMCPilot().AddEfStore<MCPilotDbContext>();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MCPilotDatabase>().PrepareAsync(applyMigrations: true, TestContext.Current.CancellationToken);
        return provider;
    }

    public DbConnection OpenConnection()
    {
        DbConnection connection = Provider == StorageProvider.PostgreSql ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _owner.DisposeAsync();

    private sealed class AsyncDisposer(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
