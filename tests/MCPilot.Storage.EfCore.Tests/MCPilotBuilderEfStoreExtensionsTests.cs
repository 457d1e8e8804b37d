using System.Security.Cryptography;
using MCPilot.Crypto;
using MCPilot.Entities;
using MCPilot.Servers;
using MCPilot.Storage.EfCore.Stores;
using MCPilot.Storage.EfCore.Tests.Migrations;
using MCPilot.Storage.InMemory;
using MCPilot.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MCPilot.Storage.EfCore.Tests;

public sealed class MCPilotBuilderEfStoreExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AddEfStore_AfterVault_ReplacesInMemorySaltStoreAndRegistersEachStoreOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddMCPilot();

        builder.AddEntities().AddEfStore().AddEfStore();

        using var provider = services.BuildServiceProvider();
        Assert.IsType<EfOwnerSaltStore>(provider.GetRequiredService<IOwnerSaltStore>());
        Assert.IsType<EfEntityStore>(provider.GetRequiredService<IEntityStore>());
        Assert.IsType<EfEntityAvatarStore>(provider.GetRequiredService<IEntityAvatarStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IEntityStore));
        Assert.Single(services, d => d.ServiceType == typeof(IOwnerSaltStore));
        Assert.IsType<EfMcpServerStore>(Assert.Single(provider.GetServices<IVaultedFieldSource>()));
    }

    [Fact]
    public void AddInMemoryStores_AfterEfStore_LastCallWins()
    {
        var services = new ServiceCollection();

        services.AddMCPilot().AddEfStore().AddInMemoryStores();

        using var provider = services.BuildServiceProvider();
        Assert.IsType<InMemoryEntityStore>(provider.GetRequiredService<IEntityStore>());
        Assert.IsType<InMemoryOwnerSaltStore>(provider.GetRequiredService<IOwnerSaltStore>());
        Assert.IsType<InMemoryMcpServerStore>(Assert.Single(provider.GetServices<IVaultedFieldSource>()));
    }

    [Fact]
    public async Task Start_SqliteDataDirectory_CreatesMigratedWalDatabaseThere()
    {
        using var sqlite = new TestSqliteDatabase();
        using var host = TestHost.Build(new() { ["MCPilot:Storage:DataDirectory"] = sqlite.Directory }, b => b.AddEfStore());

        await host.StartAsync(Ct);
        var entity = await host.Services.GetRequiredService<IEntityStore>().CreateAsync(new Entity { Id = EntityId.New(), Name = "Ada" }, Ct);
        await host.StopAsync(Ct);

        Assert.True(File.Exists(sqlite.FilePath));
        Assert.True((await host.Services.GetRequiredService<MCPilotDatabase>().GetStatusAsync(Ct)).IsCurrent);
        Assert.NotNull(await host.Services.GetRequiredService<IEntityStore>().GetAsync(entity.Id, Ct));
        Assert.Equal(StoreSql.Single("wal"), await StoreSql.QueryAsync(sqlite.ConnectionString, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Start_AgainOnSameDatabase_VaultStillDecryptsSecretsOfEarlierRun()
    {
        using var sqlite = new TestSqliteDatabase();
        var settings = new Dictionary<string, string?> { ["MCPilot:Storage:DataDirectory"] = sqlite.Directory };
        var binding = new SecretBinding(OwnerId.ForDiscordUser(42), Guid.NewGuid().ToString("N"), "headers.Authorization");
        string envelope;
        using (var first = TestHost.Build(settings, b => b.AddEfStore()))
        {
            await first.StartAsync(Ct);
            envelope = await first.Services.GetRequiredService<ISecretVault>().EncryptStringAsync(binding, "Bearer s3cret", Ct);
            await first.StopAsync(Ct);
        }

        using var second = TestHost.Build(settings, b => b.AddEfStore());
        await second.StartAsync(Ct);

        Assert.Equal("Bearer s3cret", await second.Services.GetRequiredService<ISecretVault>().DecryptStringAsync(binding, envelope, Ct));
        await second.StopAsync(Ct);
    }

    [Fact]
    public async Task VaultKeyRotation_OverEfServerStore_RewrapsHeadersUnderTheActiveKey()
    {
        using var sqlite = new TestSqliteDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["MCPilot:Storage:DataDirectory"] = sqlite.Directory,
            ["MCPilot:Vault:Keys:old"] = TestHost.MasterSecret,
            ["MCPilot:Vault:ActiveKeyId"] = "old",
        };
        var owner = OwnerId.ForDiscordUser(7);
        var registration = new McpServerRegistration { Id = Guid.NewGuid(), Name = "github", Scope = McpServerScope.User, Owner = owner, Transport = McpServerTransport.Http };
        using (var before = TestHost.Build(settings, b => b.AddEfStore()))
        {
            await before.StartAsync(Ct);
            var vault = before.Services.GetRequiredService<ISecretVault>();
            var header = await vault.EncryptStringAsync(registration.Binding(McpServerRegistration.HeaderField("Authorization")), "Bearer t", Ct);
            await before.Services.GetRequiredService<IMcpServerStore>().CreateAsync(registration with { EncryptedHeaders = new Dictionary<string, string> { ["Authorization"] = header } }, Ct);
            await before.StopAsync(Ct);
        }

        settings["MCPilot:Vault:Keys:new"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["MCPilot:Vault:ActiveKeyId"] = "new";
        using var after = TestHost.Build(settings, b => b.AddEfStore());
        await after.StartAsync(Ct);

        var result = await after.Services.GetRequiredService<VaultKeyRotation>().RewrapOwnerAsync(owner, Ct);

        Assert.Equal(new VaultRewrapResult(1, 0, 0), result);
        var stored = await after.Services.GetRequiredService<IMcpServerStore>().GetAsync(registration.Id, Ct);
        var vaultAfter = after.Services.GetRequiredService<ISecretVault>();
        Assert.False(vaultAfter.NeedsRewrap(stored!.EncryptedHeaders["Authorization"]));
        Assert.Equal("Bearer t", await vaultAfter.DecryptStringAsync(stored.Binding(McpServerRegistration.HeaderField("Authorization")), stored.EncryptedHeaders["Authorization"], Ct));
        Assert.Equal(2, stored.Version);
        await after.StopAsync(Ct);
    }

    [Fact]
    public async Task Start_LifecycleServiceRegisteredBeforeAddEfStore_FindsTheSchemaMigratedInItsStartingAsync()
    {
        using var sqlite = new TestSqliteDatabase();
        using var host = TestHost.Build(new() { ["MCPilot:Storage:DataDirectory"] = sqlite.Directory }, b =>
        {
            b.Services.AddSingleton<EarlyStoreUser>();
            b.Services.AddHostedService(sp => sp.GetRequiredService<EarlyStoreUser>());
            b.AddEfStore().AddEfStore();
        });

        await host.StartAsync(Ct);

        Assert.Equal([0, 0], host.Services.GetRequiredService<EarlyStoreUser>().EntitiesSeen);
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.IsType<EfStoreStartup>(hosted[0]);
        Assert.Single(hosted, s => s is EfStoreStartup);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task Start_ApplyMigrationsAtStartOffOnEmptyDatabase_FailsNamingTheSettingAndCreatesNoTables()
    {
        using var sqlite = new TestSqliteDatabase();
        using var host = TestHost.Build(new()
        {
            ["MCPilot:Storage:DataDirectory"] = sqlite.Directory,
            ["MCPilot:Storage:ApplyMigrationsAtStart"] = "false",
        }, b => b.AddEfStore());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(Ct));

        Assert.Contains($"need {MCPilotDatabase.KnownMigrations.Count} migration(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("MCPilot:Storage:ApplyMigrationsAtStart is false", error.Message, StringComparison.Ordinal);
        Assert.Contains("`db migrate`", error.Message, StringComparison.Ordinal);
        Assert.Empty(await StoreSql.QueryAsync(sqlite.ConnectionString, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%mcpilot%'"));
    }

    [Theory]
    [InlineData("MCPilot:Storage:Provider", "PostgreSql", "MCPilot:Storage:ConnectionString is required when MCPilot:Storage:Provider is PostgreSql")]
    [InlineData("MCPilot:Storage:Provider", "Oracle", "MCPilot:Storage:Provider")]
    [InlineData("MCPilot:Storage:ConnectionString", "Data Source=:memory:", "in-memory SQLite database")]
    [InlineData("MCPilot:Storage:ConnectionString", "Data Source=x.db;Mode=ReadOnly", "Mode=ReadOnly")]
    [InlineData("MCPilot:Storage:ConnectionString", "Nonsense Keyword=1", "MCPilot:Storage:ConnectionString is not a valid SQLite connection string")]
    [InlineData("MCPilot:Storage:DataDirectory", "", "MCPilot:Storage:DataDirectory must name a directory")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        using var host = TestHost.Build(new() { [key] = value }, b => b.AddEfStore());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgreSqlConnectionStringWithoutHost_FailsWithoutEchoingThePassword()
    {
        using var host = TestHost.Build(new()
        {
            ["MCPilot:Storage:Provider"] = "PostgreSql",
            ["MCPilot:Storage:ConnectionString"] = "Database=mcpilot;Password=hunter2",
        }, b => b.AddEfStore());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("MCPilot:Storage:ConnectionString names no Host", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new StorageOptions { ConnectionString = "Host=h;Password=hunter2" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEfStoreOfBotContext_ConfiguredByHost_SharesItsDatabaseAndStaysOutOfItsMigrations()
    {
        using var sqlite = new TestSqliteDatabase();
        Directory.CreateDirectory(sqlite.Directory);
        using var host = TestHost.Build([], b =>
        {
            b.Services.AddDbContext<BotDbContext>(o => o.UseSqlite(sqlite.ConnectionString));
            b.AddEfStore<BotDbContext>();
        });

        await host.StartAsync(Ct);
        using var scope = host.Services.CreateScope();
        var bot = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var model = bot.GetService<IDesignTimeModel>().Model;
        var botMigration = bot.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        foreach (var command in bot.GetService<IMigrationsSqlGenerator>().Generate(botMigration, model))
        {
            await bot.Database.ExecuteSqlRawAsync(command.CommandText, Ct);
        }

        bot.Notes.Add(new BotNote { Text = "the bot's own row" });
        await bot.SaveChangesAsync(Ct);
        var entity = await host.Services.GetRequiredService<IEntityStore>().CreateAsync(new Entity { Id = EntityId.New(), Name = "Ada" }, Ct);

        Assert.Equal(["bot_notes"], botMigration.OfType<CreateTableOperation>().Select(t => t.Name));
        Assert.Equal(StoreSql.Single("1"), await StoreSql.QueryAsync(sqlite.ConnectionString, "SELECT count(*) FROM mcpilot_entities"));
        Assert.Equal(StoreSql.Single("1"), await StoreSql.QueryAsync(sqlite.ConnectionString, "SELECT count(*) FROM bot_notes"));
        Assert.NotNull(await host.Services.GetRequiredService<IEntityStore>().GetAsync(entity.Id, Ct));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task AddEfStoreOfBotContext_NotRegisteredByHost_IsConfiguredFromStorageOptions()
    {
        using var sqlite = new TestSqliteDatabase();
        using var host = TestHost.Build(new() { ["MCPilot:Storage:DataDirectory"] = sqlite.Directory }, b => b.AddEfStore<BotDbContext>());

        await host.StartAsync(Ct);
        await host.Services.GetRequiredService<IEntityStore>().CreateAsync(new Entity { Id = EntityId.New(), Name = "Ada" }, Ct);

        Assert.Equal(StoreSql.Single("1"), await StoreSql.QueryAsync(sqlite.ConnectionString, "SELECT count(*) FROM mcpilot_entities"));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task AddEfStoreOfBotContext_ConfiguredByHostAndConnectionStringSet_FailsNamingBoth()
    {
        using var sqlite = new TestSqliteDatabase();
        using var host = TestHost.Build(new() { ["MCPilot:Storage:ConnectionString"] = "Data Source=other.db" }, b =>
        {
            b.Services.AddDbContext<BotDbContext>(o => o.UseSqlite(sqlite.ConnectionString));
            b.AddEfStore<BotDbContext>();
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("MCPilot:Storage:ConnectionString is set, but BotDbContext is configured by the host's own AddDbContext", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEfStoreOfContextWithoutMCPilotModel_Start_FailsNamingApplyMCPilotModel()
    {
        using var sqlite = new TestSqliteDatabase();
        using var host = TestHost.Build(new() { ["MCPilot:Storage:DataDirectory"] = sqlite.Directory }, b => b.AddEfStore<ForgetfulDbContext>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(Ct));

        Assert.Contains("ForgetfulDbContext does not include MCPilot's model: call modelBuilder.ApplyMCPilotModel()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEfStoreOfBotContext_PostgreSqlDefaultSchema_KeepsMCPilotTablesAndHistoryInThatSchema()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        BotDbContext.DefaultSchema = "bot";
        try
        {
            using var host = TestHost.Build([], b =>
            {
                b.Services.AddDbContext<BotDbContext>(o => o.UseNpgsql(database.ConnectionString));
                b.AddEfStore<BotDbContext>();
            });

            await host.StartAsync(Ct);
            var entity = await host.Services.GetRequiredService<IEntityStore>().CreateAsync(new Entity { Id = EntityId.New(), Name = "Ada" }, Ct);

            Assert.NotNull(await host.Services.GetRequiredService<IEntityStore>().GetAsync(entity.Id, Ct));
            var tables = await database.QueryAsync("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name LIKE '%mcpilot%' ORDER BY 1");
            Assert.Contains("bot.mcpilot_entities", tables);
            Assert.Contains("bot.__mcpilot_migrations", tables);
            Assert.DoesNotContain(tables, t => t.StartsWith("public.", StringComparison.Ordinal));
            await host.StopAsync(Ct);
        }
        finally
        {
            BotDbContext.DefaultSchema = null;
        }
    }

    /// <summary>A hosted service registered before AddEfStore that reads a store as soon as the host starts it.</summary>
    private sealed class EarlyStoreUser(IEntityStore entities) : IHostedLifecycleService
    {
        public List<int> EntitiesSeen { get; } = [];

        public async Task StartingAsync(CancellationToken cancellationToken) => EntitiesSeen.Add((await entities.ListAsync(cancellationToken)).Count);

        public async Task StartAsync(CancellationToken cancellationToken) => EntitiesSeen.Add((await entities.ListAsync(cancellationToken)).Count);

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
