using System.Security.Cryptography;
using MCPilot.Conversations;
using MCPilot.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests.Migrations;

/// <summary>
/// A migrated database with a few rows in every table the core's lookups read, and fresh
/// statistics (ANALYZE), whose stores run through a <see cref="CommandHook"/>.
/// </summary>
public abstract class LookupPlanFixture(StorageProvider provider) : IAsyncLifetime
{
    private const int EntityCount = 40;
    private const int GuildCount = 5;
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;
    private ServiceProvider? _services;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public CommandHook Hook { get; } = new();

    /// <summary>A guild with members, and one of its channels that policies name.</summary>
    public ulong Guild => GuildId(0);

    public ulong Channel => ChannelId(0);

    public string LookupId => LookupIdOf(0);

    public ThreadKey Thread => ThreadKeyOf(0);

    public ulong MessageId => MessageIdOf(0);

    public ulong User => UserOf(0);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await TestDatabase.CreateAsync(provider);
        _services = await _database.ServicesAsync(Hook);
        var entities = Services.GetRequiredService<IEntityStore>();
        var credentials = Services.GetRequiredService<IEntityCredentialStore>();
        var routes = Services.GetRequiredService<IDmRouteStore>();
        var sent = Services.GetRequiredService<ISentMessageStore>();
        var conversations = Services.GetRequiredService<IConversationStore>();
        for (var i = 0; i < EntityCount; i++)
        {
            // Every third entity allows one channel, every third denies one, the rest may talk anywhere; some are in two guilds.
            var policy = (i % 3) switch
            {
                0 => new ChannelPolicy { Allow = new HashSet<ulong> { ChannelId(i) } },
                1 => new ChannelPolicy { Deny = new HashSet<ulong> { ChannelId(i) } },
                _ => ChannelPolicy.AllowAll,
            };
            List<EntityGuildMembership> guilds = [new(GuildId(i), policy)];
            if (i % 4 == 0)
            {
                guilds.Add(new(GuildId(i + 1), ChannelPolicy.AllowAll));
            }

            var entity = await entities.CreateAsync(new Entity { Id = EntityId.New(), Name = $"entity-{i}", Guilds = guilds, CreatedAt = T0, UpdatedAt = T0 }, ct);
            await credentials.AddAsync(new EntityCredential { Id = Guid.NewGuid(), EntityId = entity.Id, LookupId = LookupIdOf(i), KeyHash = RandomNumberGenerator.GetBytes(32), CreatedAt = T0 }, ct);
            await routes.SetActiveEntityAsync(UserOf(i), entity.Id, ct);
            await sent.RecordAsync(new SentMessage(MessageIdOf(i), entity.Id, GuildId(i), ChannelId(i), T0), ct);
            await conversations.GetOrCreateActiveAsync(ThreadKeyOf(i), T0, ct);
        }

        await Database.ExecuteAsync("ANALYZE");
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static ulong GuildId(int i) => 1000 + (ulong)(i % GuildCount);

    private static ulong ChannelId(int i) => 2000 + (ulong)(i % 7);

    private static string LookupIdOf(int i) => $"lookup{i:D6}";

    private static ThreadKey ThreadKeyOf(int i) => new(GuildId(i), ChannelId(i), UserOf(i));

    private static ulong MessageIdOf(int i) => 3000 + (ulong)i;

    private static ulong UserOf(int i) => 4000 + (ulong)i;
}

public sealed class SqliteLookupPlanFixture() : LookupPlanFixture(StorageProvider.Sqlite);

public sealed class PostgreSqlLookupPlanFixture() : LookupPlanFixture(StorageProvider.PostgreSql);
