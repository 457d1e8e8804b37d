using System.Security.Cryptography;
using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Storage.InMemory;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Tests.Fakes;

/// <summary>
/// Builds MCPilot's services over the fake stores, with a manual clock; with a FakeDiscord, also the
/// entities' Discord side pointed at it (give FakeDiscord no rate limits: the clients' clock is manual).
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly List<AsyncServiceScope> _scopes = [];

    public TestServices(Action<EntityOptions>? configure = null, FakeDiscordServer? discord = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MCPilot:PublicBaseUrl"] = "https://bot.example.com",
        }).Build());
        services.AddSingleton<TimeProvider>(Time);
        AddFakeStores(services, Entities, Credentials, Counters, Audit, DmRoutes, SentMessages);
        var builder = services.AddMCPilot().AddEntities();
        if (discord is not null)
        {
            builder.AddEntityDiscord(o =>
            {
                o.Token = discord.BotToken;
                o.ApiBaseUrl = discord.ApiBaseUrl;
            });
        }

        if (configure is not null)
        {
            builder.AddEntities(configure);
        }

        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public MCPilot.Testing.ManualTimeProvider Time { get; } = new();

    public FakeEntityStore Entities { get; } = new();

    public FakeCredentialStore Credentials { get; } = new();

    public FakeMessageCounterStore Counters { get; } = new();

    public FakeAuditLog Audit { get; } = new();

    public FakeDmRouteStore DmRoutes { get; } = new();

    public InMemorySentMessageStore SentMessages { get; } = new();

    public ServiceProvider Provider { get; }

    public EntityRegistry Registry => Provider.GetRequiredService<EntityRegistry>();

    public EntityKeys Keys => Provider.GetRequiredService<EntityKeys>();

    public static void AddFakeStores(IServiceCollection services, FakeEntityStore entities, FakeCredentialStore credentials, FakeMessageCounterStore counters, FakeAuditLog audit, FakeDmRouteStore? dmRoutes = null, ISentMessageStore? sentMessages = null)
    {
        services.AddSingleton<IEntityStore>(entities);
        services.AddSingleton<IEntityCredentialStore>(credentials);
        services.AddSingleton<IMessageCounterStore>(counters);
        services.AddSingleton<IToolCallAuditLog>(audit);
        services.AddSingleton<IDmRouteStore>(dmRoutes ?? new FakeDmRouteStore());
        services.AddSingleton(sentMessages ?? new InMemorySentMessageStore());
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public Task<Entity> CreateEntityAsync(string name, params EntityGuildMembership[] guilds) =>
        Registry.CreateAsync(new Entity { Id = default, Name = name, Guilds = guilds });

    /// <summary>A scope that is disposed with the services.</summary>
    public AsyncServiceScope CreateScope()
    {
        var scope = Provider.CreateAsyncScope();
        _scopes.Add(scope);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await Provider.DisposeAsync();
    }
}
