namespace MCPilot.Host.Composition;

/// <summary>Creates files that hold secrets (vault secret, admin token, playground key) readable and writable by their owner only.</summary>
internal static class OwnerOnlyFile
{
    /// <summary>Read and write for the owner only (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static FileStream Create(string path, FileMode mode = FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        return new FileStream(path, options);
    }
}
