using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MCPilot.AspNetCore.Security;

/// <summary>
/// DNS-rebinding protection: a request's Host must be a loopback name, the public base URL's host,
/// or one of <see cref="EntityEndpointOptions.AllowedHosts"/>; its Origin, when present, must be a
/// loopback origin, the public base URL's origin, or one of <see cref="EntityEndpointOptions.AllowedOrigins"/>.
/// </summary>
internal sealed class RequestOriginValidator
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private readonly IOptionsMonitor<EntityEndpointOptions> _options;
    private readonly IOptionsMonitor<MCPilotOptions> _core;

    public RequestOriginValidator(IOptionsMonitor<EntityEndpointOptions> options, IOptionsMonitor<MCPilotOptions> core)
    {
        _options = options;
        _core = core;
    }

    /// <summary>Checks the request; returns the reason it is refused, or <see langword="null"/>.</summary>
    public string? Check(HttpRequest request)
    {
        var options = _options.CurrentValue;
        var publicUrl = _core.CurrentValue.PublicBaseUrl;
        var host = request.Host;
        if (!host.HasValue || !HostAllowed(host.Host, options, publicUrl))
        {
            return "Forbidden: the Host header names a host this server does not serve (DNS-rebinding protection). Add it to MCPilot:Endpoints:AllowedHosts if it is yours.";
        }

        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length > 0 && !OriginAllowed(origin, options, publicUrl))
        {
            return "Forbidden: requests from this browser origin are not accepted (DNS-rebinding protection). Add it to MCPilot:Endpoints:AllowedOrigins if it is trusted.";
        }

        return null;
    }

    private static bool HostAllowed(string host, EntityEndpointOptions options, Uri? publicUrl)
    {
        if (IsLoopback(host) || (publicUrl is not null && string.Equals(publicUrl.Host, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var allowed in options.AllowedHosts)
        {
            if (allowed == "*" || string.Equals(StripPort(allowed), host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OriginAllowed(string origin, EntityEndpointOptions options, Uri? publicUrl)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (IsLoopback(uri.Host) || (publicUrl is not null && SameOrigin(uri, publicUrl)))
        {
            return true;
        }

        foreach (var allowed in options.AllowedOrigins)
        {
            if (allowed == "*" || (Uri.TryCreate(allowed, UriKind.Absolute, out var a) && SameOrigin(uri, a)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static bool IsLoopback(string host)
    {
        foreach (var name in LoopbackHosts)
        {
            if (string.Equals(host, name, StringComparison.OrdinalIgnoreCase) || string.Equals(host, name.Trim('[', ']'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[..(end + 1)] : host;
        }

        var colon = host.LastIndexOf(':');
        return colon > 0 ? host[..colon] : host;
    }
}
