using MCPilot.Discord.Entities;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Testing.FakeDiscord;
using MCPilot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Tests.DiscordTools;

/// <summary>FakeDiscord on loopback (demo world seeded, no rate limits) with MCPilot's entity services pointed at it.</summary>
public sealed class DiscordTestWorld : IAsyncDisposable
{
    private DiscordTestWorld(FakeDiscordServer fake, TestServices services)
    {
        Fake = fake;
        Services = services;
        Demo = fake.State.SeedDemo();
        Gateway = new FakeGatewayPump(fake.State, services.Get<DiscordMessageRouter>());
    }

    public FakeDiscordServer Fake { get; }

    public FakeDiscordState State => Fake.State;

    public FakeDemo Demo { get; }

    public TestServices Services { get; }

    public FakeGatewayPump Gateway { get; }

    public ulong GuildId => Demo.Guild.Id;

    public static async Task<DiscordTestWorld> StartAsync(Action<EntityOptions>? configure = null, FakeDiscordRateLimits? limits = null)
    {
        var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RateLimits = limits ?? FakeDiscordRateLimits.None }, TestContext.Current.CancellationToken);
        return new DiscordTestWorld(fake, new TestServices(configure, fake));
    }

    /// <summary>An entity in the demo guild with <paramref name="policy"/> (all channels by default).</summary>
    public Task<Entity> EntityAsync(string name, ChannelPolicy? policy = null, Func<Entity, Entity>? change = null)
    {
        var entity = new Entity { Id = default, Name = name, AvatarUrl = new Uri($"https://avatars.example.com/{name.ToLowerInvariant()}.png"), Guilds = [new EntityGuildMembership(GuildId, policy ?? ChannelPolicy.AllowAll)] };
        return Services.Registry.CreateAsync(change?.Invoke(entity) ?? entity);
    }

    /// <summary>The Discord handle of one tool call of the entity.</summary>
    public IEntityDiscord Discord(EntityId entityId) => Services.Call(entityId).GetRequiredService<IEntityDiscord>();

    public static ChannelPolicy Only(params ulong[] channels) => new() { Allow = new HashSet<ulong>(channels) };

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
