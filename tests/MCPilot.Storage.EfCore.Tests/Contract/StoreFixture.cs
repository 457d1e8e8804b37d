using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests.Contract;

/// <summary>A store set for one test class: in memory, or migrated SQLite or PostgreSQL databases.</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>The services the stores are resolved from.</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        var builder = services.AddMCPilot();
        await ConfigureAsync(builder);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await PrepareAsync(_services);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds the stores under test.</summary>
    protected abstract Task ConfigureAsync(IMCPilotBuilder builder);

    /// <summary>Readies the database (migrations).</summary>
    protected virtual Task PrepareAsync(IServiceProvider services) =>
        services.GetRequiredService<MCPilotDatabase>().PrepareAsync(applyMigrations: true, TestContext.Current.CancellationToken);

    /// <summary>Deletes the database.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}

/// <summary>The in-memory stores.</summary>
public sealed class InMemoryStoreFixture : StoreFixture
{
    protected override Task ConfigureAsync(IMCPilotBuilder builder)
    {
        builder.AddInMemoryStores();
        return Task.CompletedTask;
    }

    protected override Task PrepareAsync(IServiceProvider services) => Task.CompletedTask;
}

/// <summary>The EF Core stores on a SQLite file of their own.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly TestSqliteDatabase _database = new();

    protected override Task ConfigureAsync(IMCPilotBuilder builder)
    {
        builder.AddEfStore(o => o.DataDirectory = _database.Directory);
        return Task.CompletedTask;
    }

    protected override Task CleanUpAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The EF Core stores on a fresh PostgreSQL database of their own.</summary>
public sealed class PostgreSqlStoreFixture : StoreFixture
{
    private TestPostgresDatabase? _database;

    protected override async Task ConfigureAsync(IMCPilotBuilder builder)
    {
        _database = await TestPostgresDatabase.CreateAsync();
        builder.AddEfStore(o =>
        {
            o.Provider = StorageProvider.PostgreSql;
            o.ConnectionString = _database.ConnectionString;
        });
    }

    protected override async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
