using MCPilot.Host.Playground;

namespace MCPilot.Host.Server;

/// <summary>A built host and what it owns outside its service provider (the playground's FakeDiscord).</summary>
internal sealed record BuiltHost(WebApplication App, PlaygroundDiscord? Playground) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }
    }
}
