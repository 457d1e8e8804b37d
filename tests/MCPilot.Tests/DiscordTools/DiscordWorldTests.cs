namespace MCPilot.Tests.DiscordTools;

/// <summary>A test class whose tests each get a fresh <see cref="DiscordTestWorld"/>.</summary>
public abstract class DiscordWorldTests : IAsyncLifetime
{
    protected DiscordTestWorld World { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => World = await DiscordTestWorld.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
