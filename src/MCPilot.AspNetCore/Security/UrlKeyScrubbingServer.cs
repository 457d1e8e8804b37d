using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace MCPilot.AspNetCore.Security;

/// <summary>
/// Wraps the web server so that an API key in a request path (<c>{prefix}/{entityId}/k/{key}/…</c>)
/// is taken out of the request before anything else sees it: hosting's request logs and log
/// scopes, HTTP logging, routing. The path becomes <c>{prefix}/{entityId}/…</c> and the key travels
/// in a <see cref="UrlKeyFeature"/>.
/// </summary>
internal sealed class UrlKeyScrubbingServer(IServer inner, string pathPrefix) : IServer
{
    private readonly string[] _prefixSegments = pathPrefix.Trim('/').Split('/');

    public IFeatureCollection Features => inner.Features;

    public IServer Inner => inner;

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => inner.StartAsync(new ScrubbingApplication<TContext>(application, this), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public void Dispose() => inner.Dispose();

    /// <summary>Moves a key out of the request's path into a <see cref="UrlKeyFeature"/>.</summary>
    internal void Scrub(IFeatureCollection features)
    {
        var request = features.Get<IHttpRequestFeature>();
        if (request is null || !request.Path.Contains("/k/", StringComparison.Ordinal))
        {
            return;
        }

        if (TryStrip(request.Path, out var path, out var key))
        {
            request.Path = path;
            request.RawTarget = string.IsNullOrEmpty(request.QueryString) ? path : path + request.QueryString;
            features.Set(new UrlKeyFeature(key));
        }
    }

    internal bool TryStrip(string path, out string stripped, out string key)
    {
        stripped = path;
        key = string.Empty;
        var segments = path.Split('/');

        // segments[0] is empty (the path starts with '/'): look for prefix…, entity id, "k", key.
        for (var start = 1; start + _prefixSegments.Length + 2 < segments.Length; start++)
        {
            if (!PrefixAt(segments, start))
            {
                continue;
            }

            var id = start + _prefixSegments.Length;
            if (!EntityId.TryParse(segments[id], out _) || segments[id + 1] != "k" || segments[id + 2].Length == 0)
            {
                return false;
            }

            key = Uri.UnescapeDataString(segments[id + 2]);
            stripped = string.Join('/', segments.Take(id + 1).Concat(segments.Skip(id + 3)));
            return true;
        }

        return false;
    }

    private bool PrefixAt(string[] segments, int start)
    {
        for (var i = 0; i < _prefixSegments.Length; i++)
        {
            if (!string.Equals(segments[start + i], _prefixSegments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class ScrubbingApplication<TContext>(IHttpApplication<TContext> inner, UrlKeyScrubbingServer server) : IHttpApplication<TContext>
        where TContext : notnull
    {
        public TContext CreateContext(IFeatureCollection contextFeatures)
        {
            server.Scrub(contextFeatures);
            return inner.CreateContext(contextFeatures);
        }

        public Task ProcessRequestAsync(TContext context) => inner.ProcessRequestAsync(context);

        public void DisposeContext(TContext context, Exception? exception) => inner.DisposeContext(context, exception);
    }
}
