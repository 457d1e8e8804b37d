namespace MCPilot.Host.Composition;

/// <summary>Resolves and prepares the data directory, which the host needs before its services exist.</summary>
internal static class HostDataDirectory
{
    /// <summary>Returns the full path of <c>Host:DataDirectory</c>, created if missing and checked writable.</summary>
    /// <exception cref="HostConfigurationException">The directory cannot be created or written.</exception>
    public static string Prepare(IConfiguration configuration)
    {
        var configured = configuration[HostAppOptions.DataDirectoryKey];
        if (configured is not null && string.IsNullOrWhiteSpace(configured))
        {
            throw new HostConfigurationException($"{HostAppOptions.DataDirectoryKey} is empty: name a writable directory (e.g. \"data\"), or remove the setting to use the default.");
        }

        string path;
        try
        {
            path = Path.GetFullPath(configured ?? HostAppOptions.DefaultDataDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new HostConfigurationException($"{HostAppOptions.DataDirectoryKey} '{configured}' is not a valid path ({e.Message}). Name a writable directory.", e);
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostConfigurationException($"{HostAppOptions.DataDirectoryKey} '{path}' cannot be created or written ({e.Message}). Point {HostAppOptions.DataDirectoryKey} (environment variable Host__DataDirectory, or --data-dir) at a writable directory.", e);
        }

        return path;
    }
}
