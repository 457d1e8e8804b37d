using System.Collections.Concurrent;
using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Tests.Gateway;

/// <summary>
/// FakeDiscord (REST and Gateway) on a loopback port and MCPilot's Gateway composed through
/// AddDiscordGateway, its hosted services started; every typed event is collected in <see cref="Seen"/>.
/// Timings are shortened on both sides (heartbeats, identify window, invalid-session pause).
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    private readonly List<IHostedService> _hosted;
    private readonly Task _collector;

    private GatewayHarness(FakeDiscordServer fake, ServiceProvider services, FakeDemo? demo, GatewaySubscription subscription, List<IHostedService> hosted, TestLifetime lifetime)
    {
        Fake = fake;
        Services = services;
        Demo = demo;
        Subscription = subscription;
        _hosted = hosted;
        Lifetime = lifetime;
        Client = services.GetRequiredService<DiscordGatewayClient>();
        _collector = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in subscription.Reader.ReadAllAsync())
                {
                    Seen.Enqueue(e);
                }
            }
            catch (Exception e)
            {
                Completion = e;
            }
        });
    }

    public FakeDiscordServer Fake { get; }

    public FakeDiscordState State => Fake.State;

    public FakeDemo? Demo { get; }

    public ServiceProvider Services { get; }

    public DiscordGatewayClient Client { get; }

    public GatewaySubscription Subscription { get; }

    public TestLifetime Lifetime { get; }

    public ConcurrentQueue<GatewayEvent> Seen { get; } = new();

    /// <summary>The exception the subscription completed with, if any.</summary>
    public Exception? Completion { get; private set; }

    public static FakeDiscordOptions FastFake(Action<FakeDiscordOptions>? configure = null)
    {
        var options = new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.None };
        options.Gateway.HeartbeatInterval = TimeSpan.FromMilliseconds(400);

        // Discord tolerates late heartbeats; at 1.5 intervals a test process starved of CPU (the
        // whole suite runs in parallel on two cores) was closed for a heartbeat that was merely late.
        options.Gateway.HeartbeatTimeout = TimeSpan.FromMilliseconds(1600);
        options.Gateway.IdentifyInterval = TimeSpan.FromMilliseconds(100);
        configure?.Invoke(options);
        return options;
    }

    public static async Task<GatewayHarness> StartAsync(
        Action<FakeDiscordOptions>? fake = null,
        Action<GatewayOptions>? gateway = null,
        Action<IMCPilotBuilder>? compose = null,
        Action<FakeDiscordServer>? seed = null,
        bool demo = true,
        string? token = null,
        ILoggerProvider? logging = null,
        int subscriptionCapacity = 100_000)
    {
        var server = await FakeDiscordServer.StartAsync(FastFake(fake), TestContext.Current.CancellationToken);
        var world = demo ? server.State.SeedDemo() : null;
        seed?.Invoke(server);
        var services = new ServiceCollection();
        var lifetime = new TestLifetime();
        services.AddSingleton<IHostApplicationLifetime>(lifetime);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (logging is not null)
            {
                b.AddProvider(logging);
            }
        });
        var builder = services.AddMCPilot();
        builder.AddDiscordRest(o =>
        {
            o.Token = token ?? server.BotToken;
            o.ApiBaseUrl = server.ApiBaseUrl;
            o.Rest.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        });
        builder.AddDiscordGateway(o =>
        {
            o.IdentifySpacing = TimeSpan.FromMilliseconds(150);
            o.InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(100);
            o.MinReconnectDelay = TimeSpan.FromMilliseconds(20);
            o.MaxReconnectDelay = TimeSpan.FromMilliseconds(500);
            o.HelloTimeout = TimeSpan.FromSeconds(5);
            o.Commands.DeferAfter = TimeSpan.FromMilliseconds(300);
            gateway?.Invoke(o);
        });
        compose?.Invoke(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var subscription = provider.GetRequiredService<IGatewayEventSource>().Subscribe(new GatewaySubscriptionOptions { Name = "test", Capacity = subscriptionCapacity });
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }

        return new GatewayHarness(server, provider, world, subscription, hosted, lifetime);
    }

    public IReadOnlyList<T> Events<T>()
        where T : GatewayEvent => [.. Seen.OfType<T>()];

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/> (default 15 s).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            try
            {
                await Task.Delay(10, cts.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
        }
    }

    /// <summary>Waits for the first collected event of type <typeparamref name="T"/> that matches.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
        where T : GatewayEvent
    {
        T? found = null;
        await WaitUntilAsync(() => (found = Seen.OfType<T>().FirstOrDefault(e => predicate is null || predicate(e))) is not null, $"a {typeof(T).Name} arrives", timeout);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _collector.WaitAsync(TimeSpan.FromSeconds(10));
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }

    public sealed class TestLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public bool StopRequested => _stopping.IsCancellationRequested;

        public void StopApplication() => _stopping.Cancel();
    }
}
