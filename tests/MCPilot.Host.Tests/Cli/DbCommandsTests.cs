using Microsoft.Data.Sqlite;

namespace MCPilot.Host.Tests.Cli;

public sealed class DbCommandsTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryMigrationThenIsUpToDate()
    {
        var before = (await Run("db", "status", "--json")).Json().GetProperty("sections")[0];
        Assert.Equal("warning", before.GetProperty("level").GetString());
        Assert.True(before.GetProperty("fields").GetProperty("pendingMigrations").GetArrayLength() > 0);

        var migrated = (await Run("db", "migrate", "--json")).Json();
        var again = (await Run("db", "migrate")).Succeeded();

        Assert.Equal(before.GetProperty("fields").GetProperty("pendingMigrations").GetArrayLength(), migrated.GetProperty("applied").GetArrayLength());
        Assert.Contains("up to date", again.Output, StringComparison.Ordinal);
        var after = (await Run("db", "status", "--json")).Json().GetProperty("sections")[0];
        Assert.Equal("ok", after.GetProperty("level").GetString());
        Assert.Equal(migrated.GetProperty("latest").GetString(), after.GetProperty("fields").GetProperty("latestMigration").GetString());
    }

    [Fact]
    public async Task Migrate_DatabaseFromANewerMCPilot_RefusedAndEveryCommandSaysSo()
    {
        await Run("db", "migrate");
        await AddUnknownMigrationAsync();

        (await Run("db", "migrate")).Failed("newer MCPilot", "99990101000000_FromTheFuture");
        (await Run("entities", "list")).Failed("newer MCPilot");
        var status = await Run("db", "status", "--json");
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("\"error\"", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_PendingMigrationsWithMigrateAtStartOff_SayRunDbMigrate()
    {
        (await Run("entities", "list", "--set", "MCPilot:Storage:ApplyMigrationsAtStart=false")).Failed("ApplyMigrationsAtStart is false", "db migrate");

        await Run("db", "migrate", "--set", "MCPilot:Storage:ApplyMigrationsAtStart=false");

        (await Run("entities", "list", "--set", "MCPilot:Storage:ApplyMigrationsAtStart=false")).Succeeded();
    }

    [Fact]
    public async Task Commands_UnreachablePostgreSql_FailWithDatabaseMessageAndNoPassword()
    {
        var connection = "--set=MCPilot:Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=mcpilot;Username=mcpilot;Password=hunter2;Timeout=2";

        var run = (await Run("entities", "list", "--set", "MCPilot:Storage:Provider=PostgreSql", connection)).Failed("the database cannot be reached", "MCPilot:Storage");
        var status = await Run("db", "status", "--set", "MCPilot:Storage:Provider=PostgreSql", connection);

        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("127.0.0.1:1/mcpilot", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", status.Output + status.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_data.Path, args);

    private async Task AddUnknownMigrationAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_data.File("mcpilot.db")};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO __mcpilot_migrations (MigrationId, ProductVersion) VALUES ('99990101000000_FromTheFuture', '99.0')";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
