using System.Net.Http.Headers;
using MCPilot.Entities;
using MCPilot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.AspNetCore.Tests;

/// <summary>A real Kestrel host on 127.0.0.1 (random port) serving MapMCPilot(), over the fake stores.</summary>
public sealed class EntityHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EntityHost(WebApplication app, Uri baseUrl, FakeAuditLog audit, TestLogSink logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Audit = audit;
        Logs = logs;
    }

    public Uri BaseUrl { get; }

    public FakeAuditLog Audit { get; }

    public TestLogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public EntityRegistry Registry => Services.GetRequiredService<EntityRegistry>();

    public static async Task<EntityHost> StartAsync(Action<EntityEndpointOptions>? configure = null, Action<IServiceCollection>? services = null, Func<bool>? failLoad = null, bool publicBaseUrl = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var sink = new TestLogSink();
        builder.Logging.AddProvider(sink);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Configuration["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        if (publicBaseUrl)
        {
            builder.Configuration["MCPilot:PublicBaseUrl"] = "https://bot.example.com";
        }

        var entities = new FakeEntityStore();
        if (failLoad is not null)
        {
            entities.BeforeList = () => failLoad() ? throw new IOException("store unreachable") : Task.CompletedTask;
        }

        var credentials = new FakeCredentialStore();
        var counters = new FakeMessageCounterStore();
        var audit = new FakeAuditLog();
        TestServices.AddFakeStores(builder.Services, entities, credentials, counters, audit);
        var mcpilot = builder.Services.AddMCPilot().AddEntityEndpoints(o =>
        {
            o.ReapInterval = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(o);
        });
        mcpilot.AddEntityTools<TestTools>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMCPilot();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new EntityHost(app, new Uri(address), audit, sink);
        if (failLoad is null)
        {
            await host.WaitReadyAsync();
        }

        return host;
    }

    /// <summary>Creates an entity and a key for it.</summary>
    public async Task<(Entity Entity, string Key)> CreateEntityAsync(string name, Func<Entity, Entity>? change = null)
    {
        var template = new Entity { Id = default, Name = name, Guilds = [new EntityGuildMembership(1, ChannelPolicy.AllowAll)] };
        var entity = await Registry.CreateAsync(change?.Invoke(template) ?? template);
        var key = await Services.GetRequiredService<EntityKeys>().CreateAsync(entity.Id, "tests");
        return (entity, key.Key);
    }

    public Uri EntityUrl(EntityId id, string suffix = "") => new(BaseUrl, $"/mcp/{id}{suffix}");

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async Task WaitReadyAsync()
    {
        using var client = Client();
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The host did not become ready.");
    }
}
