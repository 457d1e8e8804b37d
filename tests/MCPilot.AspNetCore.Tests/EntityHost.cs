using System.Net.Http.Headers;
using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Storage.InMemory;
using MCPilot.Testing.FakeDiscord;
using MCPilot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.AspNetCore.Tests;

/// <summary>
/// A real Kestrel host on 127.0.0.1 (random port) serving MapMCPilot(), over the in-memory stores; with
/// a FakeDiscord, also the entities' Discord side pointed at it, and its MESSAGE_CREATEs routed in
/// the background (standing in for the Gateway).
/// </summary>
public sealed class EntityHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EntityHost(WebApplication app, Uri baseUrl, TestLogSink logs, FakeDiscordServer? discord, bool gateway)
    {
        _app = app;
        BaseUrl = baseUrl;
        Logs = logs;
        Discord = discord;
        Gateway = discord is null || gateway ? null : new FakeGatewayPump(discord.State, app.Services.GetRequiredService<DiscordMessageRouter>()).Start();
    }

    public Uri BaseUrl { get; }

    public IToolCallAuditLog Audit => Services.GetRequiredService<IToolCallAuditLog>();

    public TestLogSink Logs { get; }

    public IDmRouteStore DmRoutes => Services.GetRequiredService<IDmRouteStore>();

    /// <summary>The FakeDiscord the host talks to, when started with one.</summary>
    public FakeDiscordServer? Discord { get; }

    /// <summary>Routes FakeDiscord's MESSAGE_CREATEs to the entities, when started with a FakeDiscord but without the real Gateway client.</summary>
    public FakeGatewayPump? Gateway { get; }

    public IServiceProvider Services => _app.Services;

    public EntityRegistry Registry => Services.GetRequiredService<EntityRegistry>();

    /// <param name="configure">Endpoint options.</param>
    /// <param name="services">More services.</param>
    /// <param name="failLoad">Makes the entity store fail to list while it returns true.</param>
    /// <param name="publicBaseUrl">Sets MCPilot:PublicBaseUrl.</param>
    /// <param name="discord">A FakeDiscord to use as Discord.</param>
    /// <param name="gateway">With <paramref name="discord"/>: connect MCPilot's Gateway client to FakeDiscord's Gateway (instead of pumping its dispatches).</param>
    /// <param name="plugins">Adds entity tools, prompts or resources (besides <see cref="TestTools"/>).</param>
    public static async Task<EntityHost> StartAsync(Action<EntityEndpointOptions>? configure = null, Action<IServiceCollection>? services = null, Func<bool>? failLoad = null, bool publicBaseUrl = false, FakeDiscordServer? discord = null, bool gateway = false, Action<IMCPilotBuilder>? plugins = null)
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

        var mcpilot = builder.Services.AddMCPilot().AddInMemoryStores();
        if (failLoad is not null)
        {
            builder.Services.AddSingleton<IEntityStore>(sp => new UnreliableEntityStore(sp.GetRequiredService<InMemoryEntityStore>(), failLoad));
        }

        mcpilot.AddEntityEndpoints(o =>
        {
            o.ReapInterval = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(o);
        });
        mcpilot.AddEntityTools<TestTools>();
        plugins?.Invoke(mcpilot);
        if (discord is not null)
        {
            mcpilot.AddEntityDiscord(o =>
            {
                o.Token = discord.BotToken;
                o.ApiBaseUrl = discord.ApiBaseUrl;
                o.Rest.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            });
            if (gateway)
            {
                mcpilot.AddDiscordGateway();
            }
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMCPilot();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new EntityHost(app, new Uri(address), sink, discord, gateway);
        if (failLoad is null)
        {
            await host.WaitReadyAsync();
        }

        return host;
    }

    /// <summary>Creates an entity and a key for it (in guild 1, or with a FakeDiscord in its first guild, all channels allowed).</summary>
    public async Task<(Entity Entity, string Key)> CreateEntityAsync(string name, Func<Entity, Entity>? change = null)
    {
        var guild = Discord?.State.Guilds.FirstOrDefault()?.Id ?? 1;
        var template = new Entity { Id = default, Name = name, AvatarUrl = new Uri($"https://avatars.example.com/{name.ToLowerInvariant()}.png"), Guilds = [new EntityGuildMembership(guild, ChannelPolicy.AllowAll)] };
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
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

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
