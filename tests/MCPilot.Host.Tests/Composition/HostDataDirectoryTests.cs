namespace MCPilot.Host.Tests.Composition;

/// <summary>The data directory and the SQLite database in it are the owner's alone on Unix (feeds and conversations hold message content).</summary>
public sealed class HostDataDirectoryTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Start_MissingDataDirectory_CreatedOwnerOnlyWithAnOwnerOnlyDatabase()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes.");
            return;
        }

        var data = _data.File(Path.Combine("nested", "data"));

        await using var host = await InProcessHost.StartAsync(data);
        await host.WaitReadyAsync();

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(_data.File("nested")));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(data));
        var database = Path.Combine(data, "mcpilot.db");
        Assert.True(File.Exists(database + "-wal"), "The running host's database is in WAL mode.");
        foreach (var file in (string[])[database, database + "-wal", database + "-shm"])
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Command_DatabaseReadableByOthers_MadeOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes.");
            return;
        }

        var database = _data.File("mcpilot.db");
        await File.WriteAllBytesAsync(database, [], TestContext.Current.CancellationToken);
        File.SetUnixFileMode(database, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        (await CliRun.RunAsync(_data.Path, "db", "migrate")).Succeeded();

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(database));
        Assert.Equal(["[]"], [(await CliRun.RunAsync(_data.Path, "entities", "list", "--json")).Output.Trim()]);
    }

    public void Dispose() => _data.Dispose();
}
