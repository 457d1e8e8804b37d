using MCPilot.Discord.Gateway;
using MCPilot.Host.Playground;
using MCPilot.Host.Playground.Api;
using MCPilot.Testing.FakeDiscord;
using MCPilot.Host.Server;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Host.Tests;

/// <summary>The host built and started in this process on a free loopback port (real Kestrel), in playground mode unless told otherwise.</summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private readonly BuiltHost _host;

    private InProcessHost(BuiltHost host, StringWriter console, Uri baseUrl)
    {
        _host = host;
        Console = console;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public StringWriter Console { get; }

    public IServiceProvider Services => _host.App.Services;

    internal PlaygroundDiscord Playground => _host.Playground ?? throw new InvalidOperationException("The host is not in playground mode.");

    internal PlaygroundDemo Demo => Services.GetRequiredService<PlaygroundSetup>().Demo ?? throw new InvalidOperationException("The playground is not ready.");

    public static Task<InProcessHost> StartAsync(string dataDirectory, params string[] settings) => StartAsync(dataDirectory, _ => { }, settings);

    /// <summary>Builds the host, lets <paramref name="beforeStart"/> prepare it (inject FakeDiscord faults, say), then starts it.</summary>
    internal static async Task<InProcessHost> StartAsync(string dataDirectory, Action<BuiltHost> beforeStart, params string[] settings)
    {
        var console = new StringWriter();
        var host = await HostServer.BuildAsync([$"--Host:DataDirectory={dataDirectory}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings], console);
        try
        {
            beforeStart(host);
            await host.App.StartAsync(TestContext.Current.CancellationToken);
            var runtime = await host.App.Services.GetRequiredService<HostRuntime>().Started.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            return new InProcessHost(host, console, runtime.Url);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    internal PlaygroundCommandRunner CommandRunner => Services.GetRequiredService<PlaygroundCommandRunner>();

    /// <summary>Waits until the Gateway is connected and the bot's slash commands are registered in the playground's FakeDiscord.</summary>
    public async Task WaitDiscordAsync()
    {
        await Services.GetRequiredService<DiscordGatewayClient>().WaitUntilReadyAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => CommandRunner.Commands.Count >= 4, "the slash commands to be registered");
    }

    /// <summary>Runs a slash command as <paramref name="user"/> in <paramref name="channel"/> through FakeDiscord's interactions, options as given; returns the bot's answer.</summary>
    internal Task<PlaygroundCommandResult> RunCommandAsync(FakeUser user, FakeChannel channel, string name, params (string Name, object Value)[] options) =>
        CommandRunner.RunAsync(channel.Id, user.Id, name, options.ToDictionary(o => o.Name, o => o.Value), TestContext.Current.CancellationToken);

    /// <summary>Waits until <c>/readyz</c> answers 200.</summary>
    public async Task WaitReadyAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await Http.GetAsync(new Uri("/readyz", UriKind.Relative), timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.App.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
    }
}
