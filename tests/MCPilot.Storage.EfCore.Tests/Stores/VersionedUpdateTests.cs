using System.Data.Common;
using MCPilot.Entities;
using MCPilot.Servers;
using MCPilot.Storage.EfCore.Tests.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests.Stores;

/// <summary>
/// The database's own optimistic-concurrency guard on entities and MCP server registrations (the
/// version column is a concurrency token): the row changes after the store has read it, just
/// before the store's UPDATE runs, where the version check in code cannot see it.
/// </summary>
public abstract class VersionedUpdateTests(StorageProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Records => ["entity", "server"];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The change is made in the store's own transaction (the only place SQLite's write lock lets
    /// it in), so the store's rollback undoes it too: what matters is that the UPDATE matched
    /// nothing, the store said so, and none of its values landed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Records))]
    public async Task Update_VersionChangedInItsTransactionJustBeforeItsUpdate_ThrowsConflictAndWritesNothing(string kind)
    {
        await using var test = await CaseAsync(kind);
        test.Hook.Before = Once(test.Record.Table, async command => Assert.Equal(1, await CommandHook.RunBesideAsync(command, test.Record.OtherWriterSql, Ct)));

        var error = await Assert.ThrowsAsync<StoreException>(test.Record.UpdateFromFirstReadAsync);

        Assert.Equal(StoreError.ConcurrencyConflict, error.Error);
        Assert.Equal(new RecordState("mine", 1, "mine"), await test.Record.ReadAsync());
    }

    protected async Task<Case> CaseAsync(string kind)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var hook = new CommandHook();
        var services = await database.ServicesAsync(hook);
        VersionedRecord record = kind == "entity" ? new EntityRecord(services.GetRequiredService<IEntityStore>()) : new ServerRecord(services.GetRequiredService<IMcpServerStore>());
        await record.CreateAsync();
        return new Case(database, services, hook, record);
    }

    /// <summary>Runs <paramref name="action"/> once, just before the first UPDATE of <paramref name="table"/>.</summary>
    protected static Func<DbCommand, CancellationToken, Task> Once(string table, Func<DbCommand, Task> action)
    {
        var fired = 0;
        return (command, _) => CommandHook.Names(command.CommandText, "UPDATE", table) && Interlocked.Exchange(ref fired, 1) == 0 ? action(command) : Task.CompletedTask;
    }

    /// <summary>A record's value column, version and child rows, as read back through its store.</summary>
    protected sealed record RecordState(string? Value, long Version, string Child);

    /// <summary>One test's database, stores and hook.</summary>
    protected sealed record Case(TestDatabase Database, ServiceProvider Services, CommandHook Hook, VersionedRecord Record) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    /// <summary>
    /// A versioned record with a unique name: created with value "mine" in <paramref name="column"/>
    /// (and a child row "mine"), updated from that first read to "stale".
    /// </summary>
    protected abstract class VersionedRecord(string table, string column, string name)
    {
        public string Table => table;

        protected string Name { get; } = name + "-" + Guid.NewGuid().ToString("N")[..8];

        /// <summary>Another writer's change: a new version and the value "theirs".</summary>
        public string OtherWriterSql => $"UPDATE {table} SET version = version + 1, {column} = 'theirs' WHERE name = '{Name}'";

        public abstract Task CreateAsync();

        public abstract Task UpdateFromFirstReadAsync();

        public abstract Task<RecordState> ReadAsync();
    }

    private sealed class EntityRecord(IEntityStore store) : VersionedRecord("mcpilot_entities", "persona", "Ada")
    {
        private Entity? _created;

        public override async Task CreateAsync() => _created = await store.CreateAsync(new Entity
        {
            Id = EntityId.New(),
            Name = Name,
            Persona = "mine",
            Guilds = [new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 } })],
            CreatedAt = T0,
            UpdatedAt = T0,
        }, Ct);

        public override Task UpdateFromFirstReadAsync() =>
            store.UpdateAsync(_created! with { Persona = "stale", Guilds = [new EntityGuildMembership(2, ChannelPolicy.AllowAll)] }, Ct);

        public override async Task<RecordState> ReadAsync()
        {
            var read = await store.GetAsync(_created!.Id, Ct);
            var child = read!.Guilds.Single() is { GuildId: 1 } membership && membership.Policy.Allow.SetEquals([10UL]) ? "mine" : "stale";
            return new RecordState(read.Persona, read.Version, child);
        }
    }

    private sealed class ServerRecord(IMcpServerStore store) : VersionedRecord("mcpilot_mcp_servers", "command", "github")
    {
        private McpServerRegistration? _created;

        public override async Task CreateAsync() => _created = await store.CreateAsync(new McpServerRegistration
        {
            Id = Guid.NewGuid(),
            Name = Name,
            Scope = McpServerScope.User,
            Owner = OwnerId.ForDiscordUser(42),
            Transport = McpServerTransport.Command,
            Command = "mine",
            EncryptedEnvironment = new Dictionary<string, string> { ["TOKEN"] = "mine" },
            CreatedAt = T0,
            UpdatedAt = T0,
        }, Ct);

        public override Task UpdateFromFirstReadAsync() =>
            store.UpdateAsync(_created! with { Command = "stale", EncryptedEnvironment = new Dictionary<string, string> { ["TOKEN"] = "stale" } }, Ct);

        public override async Task<RecordState> ReadAsync()
        {
            var read = await store.GetAsync(_created!.Id, Ct);
            return new RecordState(read!.Command, read.Version, read.EncryptedEnvironment.Single().Value);
        }
    }
}

/// <summary>On SQLite the store's transaction holds the write lock from its start (BEGIN IMMEDIATE).</summary>
public sealed class SqliteVersionedUpdateTests() : VersionedUpdateTests(StorageProvider.Sqlite)
{
    [Theory]
    [MemberData(nameof(Records))]
    public async Task Update_OtherConnectionWritesJustBeforeItsUpdate_IsShutOutAndTheStoresUpdateLands(string kind)
    {
        await using var test = await CaseAsync(kind);
        var busy = new SqliteConnectionStringBuilder(test.Database.ConnectionString) { DefaultTimeout = 1 }.ToString();
        SqliteException? refused = null;
        test.Hook.Before = Once(test.Record.Table, async _ =>
        {
            refused = await Assert.ThrowsAsync<SqliteException>(() => StoreSql.QueryAsync(busy, test.Record.OtherWriterSql));
        });

        await test.Record.UpdateFromFirstReadAsync();

        Assert.Equal(5, refused?.SqliteErrorCode); // SQLITE_BUSY: the other writer never got in
        Assert.Equal(new RecordState("stale", 2, "stale"), await test.Record.ReadAsync());
    }
}

/// <summary>On PostgreSQL another connection can commit between the store's read and its UPDATE (read committed).</summary>
public sealed class PostgreSqlVersionedUpdateTests() : VersionedUpdateTests(StorageProvider.PostgreSql)
{
    [Theory]
    [MemberData(nameof(Records))]
    public async Task Update_OtherConnectionCommitsJustBeforeItsUpdate_ThrowsConflictAndKeepsTheOtherWritersValues(string kind)
    {
        await using var test = await CaseAsync(kind);
        test.Hook.Before = Once(test.Record.Table, _ => test.Database.ExecuteAsync(test.Record.OtherWriterSql));

        var error = await Assert.ThrowsAsync<StoreException>(test.Record.UpdateFromFirstReadAsync);

        Assert.Equal(StoreError.ConcurrencyConflict, error.Error);
        Assert.Contains("version 1, now 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(new RecordState("theirs", 2, "mine"), await test.Record.ReadAsync());
    }
}
