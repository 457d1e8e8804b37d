using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Playground;

/// <summary>
/// FakeDiscord running in the host's process for the playground, seeded with a demo server
/// (#general, #random, a thread, a forum with a post, two members and a role). It forgets
/// everything when the host stops; the host's Discord client points at it.
/// </summary>
internal sealed class PlaygroundDiscord : IAsyncDisposable
{
    private PlaygroundDiscord(FakeDiscordServer server, FakeDemo demo)
    {
        Server = server;
        Demo = demo;
    }

    /// <summary>The running FakeDiscord.</summary>
    public FakeDiscordServer Server { get; }

    /// <summary>The demo world.</summary>
    public FakeDemo Demo { get; }

    /// <summary>FakeDiscord's state: seed it, inject "human" messages, read what happened.</summary>
    public FakeDiscordState State => Server.State;

    /// <summary>The demo world's channels and threads by name, for mapping policies across restarts.</summary>
    public IReadOnlyDictionary<string, ulong> ChannelsByName =>
        State.GetChannels(Demo.Guild.Id).Where(c => c.Name is not null).GroupBy(c => c.Name!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

    public static async Task<PlaygroundDiscord> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { BotUsername = "MCPilot" }, cancellationToken);
        try
        {
            return new PlaygroundDiscord(server, server.State.SeedDemo());
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
