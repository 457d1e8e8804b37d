namespace MCPilot.Tests.Shared;

/// <summary>Where the npm test peers live (tests/npm), found above the test binaries; linked into every test project.</summary>
internal static class TestNpm
{
    /// <summary>The tests/npm directory.</summary>
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "npm");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/npm/package.json was not found above the test binaries.");
    }
}
