using System.Security.Cryptography;
using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Tests.Fakes;

/// <summary>
/// Builds MCPilot's services over the in-memory stores, with a manual clock; with a FakeDiscord, also the
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
        var builder = services.AddMCPilot().AddInMemoryStores().AddEntities();
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

    public IEntityStore Entities => Get<IEntityStore>();

    public IMessageCounterStore Counters => Get<IMessageCounterStore>();

    public IToolCallAuditLog Audit => Get<IToolCallAuditLog>();

    public IDmRouteStore DmRoutes => Get<IDmRouteStore>();

    public ISentMessageStore SentMessages => Get<ISentMessageStore>();

    public ServiceProvider Provider { get; }

    public EntityRegistry Registry => Provider.GetRequiredService<EntityRegistry>();

    public EntityKeys Keys => Provider.GetRequiredService<EntityKeys>();

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
