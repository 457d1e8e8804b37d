using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace MCPilot.Host.Composition;

/// <summary>
/// The addresses the host listens on (<c>urls</c>: appsettings.json, <c>ASPNETCORE_URLS</c> or
/// <c>--urls</c>), checked at start. The default is loopback only; a wider bind is allowed but logged.
/// </summary>
internal static class HostListeners
{
    /// <summary>The configuration key ASP.NET Core reads the listening addresses from.</summary>
    public const string UrlsKey = "urls";

    /// <summary>The configuration key of ASP.NET Core's host filtering.</summary>
    public const string AllowedHostsKey = "AllowedHosts";

    /// <summary>The configuration key of the public base URL.</summary>
    public const string PublicBaseUrlKey = MCPilotOptions.SectionName + ":" + nameof(MCPilotOptions.PublicBaseUrl);

    /// <summary>The address used when none is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5180";

    /// <summary>Parses the configured addresses.</summary>
    /// <exception cref="HostConfigurationException">An address is not an http(s) URL with a host.</exception>
    public static IReadOnlyList<Uri> Read(IConfiguration configuration)
    {
        var value = configuration[UrlsKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return [new Uri(DefaultUrl)];
        }

        var urls = new List<Uri>();
        foreach (var entry in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(entry, out var url))
            {
                throw new HostConfigurationException(
                    $"urls: '{entry}' is not a listening address. Give one or more addresses such as {DefaultUrl}, separated by ';' (in appsettings.json \"Urls\", the ASPNETCORE_URLS environment variable, or --urls).");
            }

            urls.Add(url);
        }

        return urls;
    }

    /// <summary>Parses one listening address (Kestrel's <c>*</c> and <c>+</c> hosts read as 0.0.0.0).</summary>
    public static bool TryParse(string entry, [NotNullWhen(true)] out Uri? url)
    {
        var parseable = entry.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (Uri.TryCreate(parseable, UriKind.Absolute, out url) && url.Scheme is "http" or "https" && !string.IsNullOrEmpty(url.Host) && url.AbsolutePath == "/")
        {
            return true;
        }

        url = null;
        return false;
    }

    /// <summary>Whether an address accepts connections from other machines.</summary>
    public static bool IsExposed(Uri url) =>
        !url.IsLoopback && !(IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The address a local client uses to reach a listener (a wildcard bind is reached on loopback).</summary>
    public static Uri LocalAddress(Uri url)
    {
        var host = url.Host.Trim('[', ']');
        if (host is "0.0.0.0" or "::" || (IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))))
        {
            return new UriBuilder(url) { Host = "127.0.0.1" }.Uri;
        }

        return url;
    }

    /// <summary>
    /// Adds the host of <c>MCPilot:PublicBaseUrl</c> to ASP.NET Core's <c>AllowedHosts</c> (which
    /// appsettings.json limits to loopback names), so that a host published behind a proxy answers
    /// under its public name without a second setting.
    /// </summary>
    public static void AllowPublicHost(IConfiguration configuration)
    {
        var allowed = configuration[AllowedHostsKey];
        if (string.IsNullOrWhiteSpace(allowed) || allowed.Trim() == "*"
            || !Uri.TryCreate(configuration[PublicBaseUrlKey], UriKind.Absolute, out var url)
            || allowed.Split(';', StringSplitOptions.TrimEntries).Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        configuration[AllowedHostsKey] = allowed.TrimEnd(';') + ";" + url.Host;
    }
}
