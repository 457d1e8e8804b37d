namespace MCPilot.Host.Composition;

/// <summary>Creates files that hold secrets (vault secret, admin token, playground key) readable and writable by their owner only.</summary>
internal static class OwnerOnlyFile
{
    public static FileStream Create(string path, FileMode mode = FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
