using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Tests;

/// <summary>FakeDiscord on a loopback port and MCPilot's client, composed through AddDiscordRest, pointed at it.</summary>
public sealed class DiscordHarness : IAsyncDisposable
{
    private DiscordHarness(FakeDiscordServer fake, ServiceProvider services, FakeDemo demo)
    {
        Fake = fake;
        Services = services;
        Demo = demo;
        Client = services.GetRequiredService<IDiscordRestClient>();
        Engine = services.GetRequiredService<IWebhookIdentityEngine>();
    }

    public FakeDiscordServer Fake { get; }

    public FakeDiscordState State => Fake.State;

    public ServiceProvider Services { get; }

    public IDiscordRestClient Client { get; }

    public IWebhookIdentityEngine Engine { get; }

    public FakeDemo Demo { get; }

    internal DiscordRestTransport Transport => Services.GetRequiredService<DiscordRestTransport>();

    public static async Task<DiscordHarness> StartAsync(FakeDiscordOptions? fakeOptions = null, Action<DiscordOptions>? configure = null, string? token = null, ILoggerProvider? logging = null)
    {
        var fake = await FakeDiscordServer.StartAsync(fakeOptions ?? new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.Faster(20) }, TestContext.Current.CancellationToken);
        var demo = fake.State.SeedDemo();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (logging is not null)
            {
                b.AddProvider(logging).SetMinimumLevel(LogLevel.Trace);
            }
        });
        services.AddMCPilot().AddDiscordRest(o =>
        {
            o.Token = token ?? fake.BotToken;
            o.ApiBaseUrl = fake.ApiBaseUrl;
            o.Rest.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.Rest.RequestTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        return new DiscordHarness(fake, provider, demo);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
