namespace MCPilot.Host.Tests.Cli;

public sealed class StatusCommandTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Status_NoHostRunning_ReportsStoredStateAndThatNoHostRuns()
    {
        await Run("entities", "create", "Ada", "--guild", "111");

        var report = (await Run("status", "--json")).Json();

        var sections = report.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["database", "entities", "host"], sections.Keys);
        Assert.Equal("ok", sections["database"].GetProperty("level").GetString());
        Assert.Equal(1, sections["entities"].GetProperty("fields").GetProperty("entities").GetInt32());
        Assert.Equal("warning", sections["entities"].GetProperty("level").GetString());
        Assert.Contains("keys create", sections["entities"].GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.False(sections["host"].GetProperty("fields").GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Status_Text_ShowsEverySectionWithItsLevel()
    {
        await Run("db", "migrate");
        var run = (await Run("status")).Succeeded();

        Assert.Contains("database [ok]", run.Output, StringComparison.Ordinal);
        Assert.Contains("pending migrations: none", run.Output, StringComparison.Ordinal);
        Assert.Contains("host [warning]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_HostRunning_IncludesTheHostsLiveSection()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitReadyAsync();

        var report = (await Run("status", "--json")).Json();

        var live = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "host");
        Assert.Equal("ok", live.GetProperty("level").GetString());
        Assert.True(live.GetProperty("fields").GetProperty("running").GetBoolean());
        Assert.Equal("Playground", live.GetProperty("fields").GetProperty("mode").GetString());
        Assert.Equal(host.BaseUrl.ToString(), live.GetProperty("fields").GetProperty("url").GetString());
        Assert.Equal(1, live.GetProperty("fields").GetProperty("entitiesLoaded").GetInt32());
    }

    [Fact]
    public async Task Status_HostRunning_IncludesTheGatewaySection()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitDiscordAsync();

        var report = (await Run("status", "--json")).Json();
        var text = (await Run("status")).Succeeded().Output;

        var gateway = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "gateway");
        Assert.Equal("ok", gateway.GetProperty("level").GetString());
        var fields = gateway.GetProperty("fields");
        Assert.Equal("ready", fields.GetProperty("state").GetString());
        Assert.Equal("1/1", fields.GetProperty("shardsReady").GetString());
        Assert.StartsWith("#0 ready", fields.GetProperty("shards")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("gateway [ok]", text, StringComparison.Ordinal);
        Assert.Matches(@"shards ready: +1/1", text);
    }

    [Fact]
    public async Task Status_FreshDatabase_WarnsAboutPendingMigrationsWithoutChangingIt()
    {
        var report = (await Run("status", "--json")).Json();

        var sections = report.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Contains("the host applies them when it starts", sections["database"].GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal("warning", sections["entities"].GetProperty("level").GetString());
        Assert.True((await Run("db", "status", "--json")).Json().GetProperty("sections")[0].GetProperty("fields").GetProperty("pendingMigrations").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Status_DatabaseNewerThanThisVersion_ExitsOneSayingWhatToDo()
    {
        (await Run("db", "migrate")).Succeeded();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_data.File("mcpilot.db")};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO __mcpilot_migrations (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '99.0.0')";
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var text = await Run("status");
        var json = await Run("status", "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("database [error]", text.Output, StringComparison.Ordinal);
        Assert.Contains("A newer MCPilot upgraded this database (migrations 29990101000000_FromTheFuture); this version refuses it. Run the newer MCPilot, or restore a backup made before the upgrade.", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text.Output + text.Error, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(json.Output);
        var database = report.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "database");
        Assert.Equal("error", database.GetProperty("level").GetString());
        Assert.Equal(["29990101000000_FromTheFuture"], database.GetProperty("fields").GetProperty("unknownMigrations").EnumerateArray().Select(m => m.GetString()));
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_data.Path, args);
}
