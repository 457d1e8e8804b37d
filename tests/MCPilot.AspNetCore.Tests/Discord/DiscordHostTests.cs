using MCPilot.Testing.FakeDiscord;

namespace MCPilot.AspNetCore.Tests.Discord;

/// <summary>
/// A test class whose tests run against a Kestrel host on 127.0.0.1 whose Discord is FakeDiscord on
/// loopback (demo world seeded, Discord's limits 20 times faster), MESSAGE_CREATEs routed back in.
/// </summary>
public abstract class DiscordHostTests : IAsyncLifetime
{
    protected FakeDiscordServer Discord { get; set; } = null!;

    protected FakeDemo Demo { get; set; } = null!;

    protected EntityHost Host { get; set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.Faster(20) }, Token);
        Demo = Discord.State.SeedDemo();
        Host = await EntityHost.StartAsync(discord: Discord);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Discord.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
