using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MCPilot.Entities;
using MCPilot.Storage.EfCore;
using MCPilot.Storage.InMemory;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Benchmarks.Storage;

/// <summary>
/// The per-request authentication lookup (credential by lookup id) among 1,000 keys: the EF Core
/// store on SQLite (WAL) against raw ADO.NET on the same file and index (the baseline: a pooled
/// connection and one parameterised SELECT per call, the floor for any SQLite store), and the
/// in-memory store for scale. The ratio is the EF store's overhead.
/// </summary>
[MemoryDiagnoser]
public class CredentialLookupBenchmarks
{
    private const int Keys = 1_000;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mcpilot-bench-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _lookupIds = [];
    private ServiceProvider _services = null!;
    private IEntityCredentialStore _ef = null!;
    private InMemoryEntityCredentialStore _memory = null!;
    private string _connectionString = "";
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddMCPilot().AddEfStore(o => o.DataDirectory = _directory);
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<MCPilotDatabase>().MigrateAsync().GetAwaiter().GetResult();
        _ef = _services.GetRequiredService<IEntityCredentialStore>();
        var entities = new InMemoryEntityStore();
        _memory = new InMemoryEntityCredentialStore(entities);
        var entity = new Entity { Id = EntityId.New(), Name = "bench" };
        _services.GetRequiredService<IEntityStore>().CreateAsync(entity).GetAwaiter().GetResult();
        entities.CreateAsync(entity).GetAwaiter().GetResult();
        for (var i = 0; i < Keys; i++)
        {
            var credential = new EntityCredential { Id = Guid.NewGuid(), EntityId = entity.Id, LookupId = Guid.NewGuid().ToString("N")[..12], KeyHash = RandomNumberGenerator.GetBytes(32) };
            _ef.AddAsync(credential).GetAwaiter().GetResult();
            _memory.AddAsync(credential).GetAwaiter().GetResult();
            _lookupIds.Add(credential.LookupId);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, StorageOptions.SqliteFileName) }.ToString();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<byte[]?> RawAdoNet()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, entity_id, lookup_id, key_hash, label, created_at, last_used_at, expires_at, revoked_at FROM mcpilot_entity_credentials WHERE lookup_id = $id LIMIT 1";
        command.Parameters.AddWithValue("$id", NextLookupId());
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (byte[])reader["key_hash"] : null;
    }

    [Benchmark]
    public async Task<EntityCredential?> EfStoreOnSqlite() => await _ef.FindByLookupIdAsync(NextLookupId());

    [Benchmark]
    public async Task<EntityCredential?> InMemoryStore() => await _memory.FindByLookupIdAsync(NextLookupId());

    private string NextLookupId() => _lookupIds[_next++ % _lookupIds.Count];
}
