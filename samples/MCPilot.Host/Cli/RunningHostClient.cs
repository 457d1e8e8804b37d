using System.Net.Http.Headers;
using MCPilot.Host.Server;
using MCPilot.Host.Status;

namespace MCPilot.Host.Cli;

/// <summary>
/// Talks to the host running on this data directory (found through <c>host.json</c>) over its
/// loopback admin endpoints: its live status, and word of entity changes so that it applies them at once.
/// </summary>
internal sealed class RunningHostClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;

    private RunningHostClient(HostRuntimeInfo info)
    {
        Info = info;
        _http = new HttpClient { BaseAddress = info.Url, Timeout = Timeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", info.AdminToken);
    }

    /// <summary>What the host published about itself.</summary>
    public HostRuntimeInfo Info { get; }

    /// <summary>A client for the host that published <c>host.json</c> in <paramref name="dataDirectory"/>, or <see langword="null"/>.</summary>
    public static RunningHostClient? Find(string dataDirectory) =>
        HostRuntimeFile.TryRead(dataDirectory) is { } info && IsAlive(info.ProcessId) ? new RunningHostClient(info) : null;

    /// <summary>The host's live status sections, or <see langword="null"/> when it does not answer (it stopped without cleaning up).</summary>
    public async Task<HostStatusReport?> ReadStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _http.GetFromJsonAsync(AdminPaths.Status, HostJson.Default.HostStatusReport, cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e, cancellationToken))
        {
            return null;
        }
    }

    /// <summary>Tells the host to re-read an entity; returns whether it did.</summary>
    public async Task<bool> RefreshEntityAsync(EntityId id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsync(AdminPaths.RefreshEntity(id), null, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (IsUnreachable(e, cancellationToken))
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    // A host killed without stopping leaves its host.json behind; its process is gone.
    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsUnreachable(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or System.Text.Json.JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
