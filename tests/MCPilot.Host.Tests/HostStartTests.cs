using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace MCPilot.Host.Tests;

public sealed class HostStartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("mcpilot-host-").FullName;

    [Fact]
    public async Task Health_PlaygroundWithoutSecret_GeneratesOneAndAnswersHealthy()
    {
        using var factory = Factory(new());
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var keyFile = Path.Combine(_dataDirectory, "vault-master.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public void Start_DiscordTokenWithoutSecret_FailsWithHowToGenerate()
    {
        using var factory = Factory(new() { ["DISCORD_TOKEN"] = "x.y.z" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "vault-master.key")));
    }

    [Fact]
    public void Start_ConfiguredSecret_IsUsedAndNothingGenerated()
    {
        using var factory = Factory(new() { ["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) });
        using var client = factory.CreateClient();

        Assert.False(File.Exists(Path.Combine(_dataDirectory, "vault-master.key")));
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private WebApplicationFactory<Program> Factory(Dictionary<string, string?> settings)
    {
        settings["Host:DataDirectory"] = _dataDirectory;
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
    }
}
