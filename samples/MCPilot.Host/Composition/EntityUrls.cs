using MCPilot.AspNetCore;
using MCPilot.Host.Server;
using Microsoft.Extensions.Options;

namespace MCPilot.Host.Composition;

/// <summary>
/// The URLs MCP clients use to reach entities: under <c>MCPilot:PublicBaseUrl</c> when it is set,
/// otherwise under the running host's local address (in the host itself, or from <c>host.json</c>), otherwise under the
/// first configured listening address.
/// </summary>
internal sealed class EntityUrls(IOptions<MCPilotOptions> options, IOptions<EntityEndpointOptions> endpoints, IConfiguration configuration, HostSettings settings, IServiceProvider services)
{
    /// <summary>The base URL entity endpoints hang under.</summary>
    public Uri BaseUrl => WithTrailingSlash(
        options.Value.PublicBaseUrl
        ?? services.GetService<HostRuntime>()?.LocalUrl
        ?? HostRuntimeFile.TryRead(settings.DataDirectory)?.Url
        ?? HostListeners.LocalAddress(HostListeners.Read(configuration)[0]));

    /// <summary>The entity's Streamable HTTP endpoint.</summary>
    public Uri McpUrl(EntityId id) => new(BaseUrl, $"{endpoints.Value.PathPrefix.TrimStart('/')}/{id}");

    /// <summary>The entity's legacy HTTP+SSE endpoint, for older clients.</summary>
    public Uri SseUrl(EntityId id) => new(BaseUrl, $"{endpoints.Value.PathPrefix.TrimStart('/')}/{id}/sse");

    // https://bot.example.com/discord must keep its /discord when paths are added to it.
    private static Uri WithTrailingSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
