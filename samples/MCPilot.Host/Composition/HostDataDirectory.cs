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
            CreateOwnerOnly(path);
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

    /// <summary>
    /// Makes the SQLite database at <paramref name="databasePath"/> owner-only on Unix (entity feeds
    /// and conversations are stored in it): creates it empty (SQLite's new database) with mode 0600
    /// when missing, and sets 0600 on it and on its WAL, shared-memory and journal files when they
    /// exist (SQLite creates those with the database file's mode). Its directory, when missing, is
    /// created owner-only too.
    /// </summary>
    /// <exception cref="HostConfigurationException">The database's directory cannot be created or the file written.</exception>
    public static void ProtectSqliteDatabase(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            CreateOwnerOnly(Path.GetDirectoryName(databasePath)!);
            if (!File.Exists(databasePath))
            {
                OwnerOnlyFile.Create(databasePath, FileMode.CreateNew).Dispose();
            }

            foreach (var file in (string[])[databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal"])
            {
                if (File.Exists(file) && File.GetUnixFileMode(file) != OwnerOnlyFile.Mode)
                {
                    File.SetUnixFileMode(file, OwnerOnlyFile.Mode);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostConfigurationException($"The SQLite database '{databasePath}' cannot be created or made owner-only ({e.Message}). Point {HostAppOptions.DataDirectoryKey} (or --data-dir) at a directory of your own.", e);
        }
    }

    // New directories (the missing parents too) are owner-only on Unix (rwx------): they hold the database and secrets. Existing ones are left as they are.
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        var missing = new Stack<string>();
        for (var directory = Path.GetFullPath(path); !Directory.Exists(directory); directory = Path.GetDirectoryName(directory)!)
        {
            missing.Push(directory);
        }

        while (missing.TryPop(out var directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
