namespace MCPilot.Host.Tests;

/// <summary>A throwaway data directory for one test.</summary>
public sealed class TestDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mcpilot-host-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process under test may still be closing a file; the directory is temporary.
        }
    }
}
