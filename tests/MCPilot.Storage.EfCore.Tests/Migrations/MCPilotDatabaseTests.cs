using System.Security.Cryptography;
using MCPilot.Activity;
using MCPilot.Conversations;
using MCPilot.Entities;
using MCPilot.Servers;
using MCPilot.Storage.EfCore.Migrations;
using MCPilot.Storage.EfCore.Stores;
using MCPilot.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests.Migrations;

/// <summary>MCPilot's hand-written migrations on a real database of each provider: upgrade path, refusal of newer databases, no drift from the model.</summary>
public abstract class MCPilotDatabaseTests(StorageProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigrationThenNothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.Services();
        var schema = services.GetRequiredService<MCPilotDatabase>();

        var before = await schema.GetStatusAsync(Ct);
        var applied = await schema.MigrateAsync(Ct);
        var again = await schema.MigrateAsync(Ct);
        var after = await schema.GetStatusAsync(Ct);

        Assert.Equal(MCPilotDatabase.KnownMigrations, before.Pending);
        Assert.Empty(before.Applied);
        Assert.Equal(MCPilotDatabase.KnownMigrations, applied);
        Assert.Empty(again);
        Assert.True(after.IsCurrent);
        Assert.Equal(MCPilotDatabase.KnownMigrations, after.Applied);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseMadeAtFirstMigration_UpgradesKeepingEveryRecord()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.Services();
        var schema = services.GetRequiredService<MCPilotDatabase>();
        await schema.MigrateToAsync(M20261122000000Initial.Id, Ct);
        Assert.Equal(MCPilotDatabase.KnownMigrations.Skip(1), (await schema.GetStatusAsync(Ct)).Pending);

        // Written by the stores while the schema is at migration 1.
        var guild = 987654321UL;
        var entity = await services.GetRequiredService<IEntityStore>().CreateAsync(new Entity
        {
            Id = EntityId.New(),
            Name = "Ada",
            Persona = "persona",
            Guilds = [new EntityGuildMembership(guild, new ChannelPolicy { Allow = new HashSet<ulong> { 5 }, Deny = new HashSet<ulong> { 6 } })],
            CreatedAt = T0,
            UpdatedAt = T0,
        }, Ct);
        var credential = new EntityCredential { Id = Guid.NewGuid(), EntityId = entity.Id, LookupId = "abcdefghijkm", KeyHash = RandomNumberGenerator.GetBytes(32), CreatedAt = T0 };
        await services.GetRequiredService<IEntityCredentialStore>().AddAsync(credential, Ct);
        await services.GetRequiredService<IDmRouteStore>().SetActiveEntityAsync(42, entity.Id, Ct);
        var salt = await services.GetRequiredService<IOwnerSaltStore>().GetOrAddAsync(OwnerId.ForDiscordUser(42), RandomNumberGenerator.GetBytes(32), Ct);
        var server = await services.GetRequiredService<IMcpServerStore>().CreateAsync(new McpServerRegistration
        {
            Id = Guid.NewGuid(),
            Name = "github",
            Scope = McpServerScope.Global,
            Owner = OwnerId.ForDiscordUser(42),
            GuildId = guild,
            Transport = McpServerTransport.Http,
            Url = new Uri("https://mcp.example.com/"),
            EncryptedHeaders = new Dictionary<string, string> { ["Authorization"] = "envelope" },
        }, Ct);
        var conversations = services.GetRequiredService<IConversationStore>();
        var key = new ThreadKey(guild, 5, 42);
        var thread = await conversations.GetOrCreateActiveAsync(key, T0, Ct);
        await conversations.AppendAsync(thread.Id, [new ConversationMessage(thread.Id, 0, ConversationRole.User, "hello", T0)], Ct);
        await services.GetRequiredService<IMessageCounterStore>().IncrementAsync(entity.Id, guild, DateOnly.FromDateTime(T0.UtcDateTime), 7, Ct);
        var record = new ToolCallRecord(T0, entity.Id, null, "send_message", ToolCallOutcome.Success, TimeSpan.FromMilliseconds(3));
        await services.GetRequiredService<IToolCallAuditLog>().AppendAsync(record, Ct);

        var applied = await schema.MigrateAsync(Ct);

        Assert.Equal(MCPilotDatabase.KnownMigrations.Skip(1), applied);
        var read = await services.GetRequiredService<IEntityStore>().GetAsync(entity.Id, Ct);
        Assert.Equal("persona", read!.Persona);
        Assert.Equal(entity.Guilds[0].Policy, read.Membership(guild)!.Policy);
        Assert.Equal(credential.KeyHash, (await services.GetRequiredService<IEntityCredentialStore>().FindByLookupIdAsync("abcdefghijkm", Ct))!.KeyHash);
        Assert.Equal(entity.Id, await services.GetRequiredService<IDmRouteStore>().GetActiveEntityAsync(42, Ct));
        Assert.Equal(salt, await services.GetRequiredService<IOwnerSaltStore>().GetAsync(OwnerId.ForDiscordUser(42), Ct));
        Assert.Equal("envelope", (await services.GetRequiredService<IMcpServerStore>().GetAsync(server.Id, Ct))!.EncryptedHeaders["Authorization"]);
        Assert.Equal(thread.Id, (await conversations.GetOrCreateActiveAsync(key, T0, Ct)).Id);
        Assert.Equal("hello", Assert.Single(await conversations.GetRecentAsync(thread.Id, 10, Ct)).Content);
        Assert.Equal(7, Assert.Single(await services.GetRequiredService<IMessageCounterStore>().GetLeaderboardAsync(guild, DateOnly.MinValue, DateOnly.MaxValue, 10, Ct)).Messages);
        Assert.Equal(record, Assert.Single(await services.GetRequiredService<IToolCallAuditLog>().QueryAsync(entity.Id, null, 10, Ct)));
        var sent = new SentMessage(1, entity.Id, guild, 5, T0);
        await services.GetRequiredService<ISentMessageStore>().RecordAsync(sent, Ct);
        Assert.Equal(sent, await services.GetRequiredService<ISentMessageStore>().FindAsync(1, Ct));
        await services.GetRequiredService<IEntityAvatarStore>().SaveAsync(new EntityAvatar(entity.Id, "image/png", new byte[] { 1, 2, 3 }, "abc"), keepPrevious: 4, Ct);
        Assert.Equal("abc", (await services.GetRequiredService<IEntityAvatarStore>().GetAsync(entity.Id, Ct))!.Hash);
        await services.GetRequiredService<IEntityAvatarStore>().SaveAsync(new EntityAvatar(entity.Id, "image/png", new byte[] { 4, 5 }, "def"), keepPrevious: 4, Ct);
        Assert.Equal(new byte[] { 1, 2, 3 }, (await services.GetRequiredService<IEntityAvatarStore>().GetAsync(entity.Id, "abc", Ct))!.Content.ToArray());
    }

    [Fact]
    public async Task PrepareAsync_DatabaseUpgradedByNewerVersion_RefusesNamingTheMigration()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.Services();
        var schema = services.GetRequiredService<MCPilotDatabase>();
        await schema.MigrateAsync(Ct);
        await database.ExecuteAsync($"INSERT INTO \"{MCPilotMigrationContext.HistoryTable}\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')");

        var status = await schema.GetStatusAsync(Ct);
        var prepare = await Assert.ThrowsAsync<InvalidOperationException>(() => schema.PrepareAsync(applyMigrations: true, Ct));
        var migrate = await Assert.ThrowsAsync<InvalidOperationException>(() => schema.MigrateAsync(Ct));

        Assert.True(status.IsNewerThanThisVersion);
        Assert.Equal(["29990101000000_FromTheFuture"], status.Unknown);
        Assert.Contains("newer MCPilot", prepare.Message, StringComparison.Ordinal);
        Assert.Contains("29990101000000_FromTheFuture", prepare.Message, StringComparison.Ordinal);
        Assert.Contains(MCPilotDatabase.KnownMigrations[^1], prepare.Message, StringComparison.Ordinal);
        Assert.Equal(prepare.Message, migrate.Message);
    }

    [Fact]
    public async Task PrepareAsync_PendingMigrationsWithApplyOff_FailsNamingTheSettingAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.Services();
        var schema = services.GetRequiredService<MCPilotDatabase>();
        await schema.MigrateToAsync(M20261122000000Initial.Id, Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => schema.PrepareAsync(applyMigrations: false, Ct));

        Assert.Contains("MCPilot:Storage:ApplyMigrationsAtStart is false", error.Message, StringComparison.Ordinal);
        Assert.Contains(M20261122000001SentMessages.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("db migrate", error.Message, StringComparison.Ordinal);
        Assert.Equal(MCPilotDatabase.KnownMigrations.Skip(1), (await schema.GetStatusAsync(Ct)).Pending);
    }

    [Fact]
    public async Task MigrateAsync_Schema_MatchesTheSchemaTheModelDescribes()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);
        await using (var services = migrated.Services())
        {
            await services.GetRequiredService<MCPilotDatabase>().MigrateAsync(Ct);
        }

        await using (var services = fromModel.Services())
        {
            using var context = services.GetRequiredService<IStoreContextSource>().Open();
            await using var model = MCPilotMigrationContext.For(context.Db);
            Assert.True(await model.Database.EnsureCreatedAsync(Ct));
        }

        var expected = await SchemaSnapshot.TakeAsync(fromModel);
        var actual = await SchemaSnapshot.TakeAsync(migrated);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }
}

public sealed class SqliteMCPilotDatabaseTests() : MCPilotDatabaseTests(StorageProvider.Sqlite)
{
    [Fact]
    public async Task PrepareAsync_Sqlite_PutsTheFileInWalMode()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var services = database.Services();

        await services.GetRequiredService<MCPilotDatabase>().PrepareAsync(applyMigrations: true, TestContext.Current.CancellationToken);

        Assert.Equal(["wal"], await database.QueryAsync("PRAGMA journal_mode"));
    }
}

public sealed class PostgreSqlMCPilotDatabaseTests() : MCPilotDatabaseTests(StorageProvider.PostgreSql);
