using Microsoft.Extensions.Hosting;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// FakeDiscord's web host ignores the process's Ctrl+C and SIGTERM: whoever embeds it (a test, the
/// playground host, the FakeDiscord sample) decides when it stops, by disposing it. Without this,
/// the default console lifetime would take the signal, stop only FakeDiscord, and keep the process alive.
/// </summary>
internal sealed class FakeDiscordHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
