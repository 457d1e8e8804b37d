using MCPilot.Entities;
using MCPilot.Host.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Host.Tests.Cli;

public sealed class HostCommandLineTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var run = (await Run("--help")).Succeeded();

        foreach (var command in HostCommandLine.CommandNames.Split(", "))
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownCommand_FailsNamingTheCommands()
    {
        (await Run("entitis", "list")).Failed("'entitis' is not a command", HostCommandLine.CommandNames);
    }

    [Fact]
    public async Task MissingArgument_FailsWithoutStartingAnything()
    {
        var run = await Run("keys", "create");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Required argument missing", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("mcpilot.db")));
    }

    [Theory]
    [InlineData("MCPilot:InstanceName=Not Valid", "MCPilot:InstanceName")]
    [InlineData("MCPilot:PublicBaseUrl=ftp://example.com", "MCPilot:PublicBaseUrl")]
    [InlineData("MCPilot:Storage:Provider=PostgreSql", "MCPilot:Storage:ConnectionString is required")]
    [InlineData("MCPilot:Endpoints:PathPrefix=mcp/", "MCPilot:Endpoints:PathPrefix")]
    public async Task BadSetting_FailsNamingIt(string setting, string expected)
    {
        (await Run("entities", "list", "--set", setting)).Failed("a setting is wrong", expected);
    }

    [Fact]
    public async Task BadSettingSyntax_FailsShowingTheForm()
    {
        (await Run("entities", "list", "--set", "MCPilot:InstanceName")).Failed("is not key=value");
    }

    [Fact]
    public async Task UnwritableDataDirectory_FailsNamingTheSetting()
    {
        var file = _data.File("not-a-directory");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);

        (await CliRun.RunAsync(Path.Combine(file, "data"), "entities", "list")).Failed("Host:DataDirectory", "cannot be created or written");
    }

    [Fact]
    public async Task DiscordTokenWithoutVaultSecret_FailsSayingHowToGenerateOne()
    {
        (await Run("entities", "list", "--set", "MCPilot:Discord:Token=x.y.z")).Failed("openssl rand -base64 32");

        Assert.False(File.Exists(_data.File("vault-master.key")));
    }

    [Fact]
    public async Task NoSecret_PlaygroundGeneratesOneOwnerOnly_AndAConfiguredOneWins()
    {
        await Run("entities", "list");
        var generated = _data.File("vault-master.key");
        Assert.True(File.Exists(generated));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(generated));
        }

        using var other = new TestDataDirectory();
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        (await CliRun.RunAsync(other.Path, "entities", "list", "--set", $"MCPilot:Vault:MasterSecret={secret}")).Succeeded();
        Assert.False(File.Exists(other.File("vault-master.key")));
    }

    [Fact]
    public void ServerArguments_SettingsPassAndBareWordsAreRefused()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:0", "--a=b", "c=d"], HostCommandLine.ServerArguments(["--urls", "http://127.0.0.1:0", "--a=b", "c=d"]));
        Assert.Throws<CliException>(() => HostCommandLine.ServerArguments(["--a=b", "serve"]));
    }

    [Fact]
    public async Task EntityChange_ReachesTheRunningHostAtOnce()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path);
        await host.WaitReadyAsync();
        var general = host.Playground.Demo.General.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await Run("channels", "deny", "Ada", general)).Succeeded();

        var seen = host.Services.GetRequiredService<EntityRegistry>();
        var ada = await seen.GetAsync(host.Demo.Entity.Id, TestContext.Current.CancellationToken);
        Assert.False(ada!.MayUse(host.Playground.Demo.Guild.Id, host.Playground.Demo.General.Id));
        (await Run("entities", "delete", "Ada", "--yes")).Succeeded();
        Assert.Equal(0, seen.Count);
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_data.Path, args);
}
