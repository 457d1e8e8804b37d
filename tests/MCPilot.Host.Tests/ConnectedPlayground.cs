using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Tests;

/// <summary>A test class whose tests each get a playground host of their own, its Gateway connected and its slash commands registered.</summary>
public abstract class ConnectedPlayground : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();
    private readonly string[] _settings;
    private InProcessHost? _host;

    protected ConnectedPlayground(params string[] settings) => _settings = settings;

    public InProcessHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public FakeDemo World => Host.Playground.Demo;

    public FakeDiscordState State => Host.Playground.State;

    protected string DataDirectory => _data.Path;

    public async ValueTask InitializeAsync()
    {
        _host = await InProcessHost.StartAsync(_data.Path, _settings);
        await _host.WaitDiscordAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
