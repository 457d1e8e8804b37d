using System.Security.Cryptography;
using MCPilot.Host.Composition;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MCPilot.Host.Server;

/// <summary>
/// The running host's facts (start time, address, admin token). When the host has started
/// listening it publishes them in <c>host.json</c> for the operator CLI, and removes the file when it stops.
/// </summary>
internal sealed partial class HostRuntime(HostSettings settings, IServer server, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<HostRuntime> logger) : IHostedService
{
    private readonly TaskCompletionSource<HostRuntimeInfo> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the host process started its services.</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>The published facts, once the host listens.</summary>
    public HostRuntimeInfo? Info => _started.Task.IsCompletedSuccessfully ? _started.Task.Result : null;

    /// <summary>Completes when the host listens.</summary>
    public Task<HostRuntimeInfo> Started => _started.Task;

    /// <summary>The address a local client reaches the host at, once it listens.</summary>
    public Uri? LocalUrl => Info?.Url;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Publish);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        HostRuntimeFile.DeleteIfOurs(settings.DataDirectory);
        return Task.CompletedTask;
    }

    private void Publish()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = addresses.Select(a => HostListeners.TryParse(a, out var url) ? url : null).OfType<Uri>().ToList();
        var local = listening.Select(HostListeners.LocalAddress).OrderBy(u => u.Scheme == "http" ? 0 : 1).FirstOrDefault()
            ?? new Uri(HostListeners.DefaultUrl);
        var info = new HostRuntimeInfo(Environment.ProcessId, local, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), StartedAt, settings.Mode.ToString());
        try
        {
            HostRuntimeFile.Write(settings.DataDirectory, info);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRuntimeFileFailed(logger, HostRuntimeFile.PathIn(settings.DataDirectory), e);
        }

        foreach (var url in listening.Where(HostListeners.IsExposed))
        {
            LogExposed(logger, url);
        }

        _started.TrySetResult(info);
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not write {Path}: the operator CLI will not find this host (its status and entity changes reach the host at its next start).")]
    private static partial void LogRuntimeFileFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Listening on {Url}, which other machines can reach. Entity endpoints need API keys, but put a TLS proxy in front and set MCPilot:PublicBaseUrl, or listen on 127.0.0.1.")]
    private static partial void LogExposed(ILogger logger, Uri url);
}
