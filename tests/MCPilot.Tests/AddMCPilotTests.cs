using System.Security.Cryptography;
using MCPilot.Vault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MCPilot.Tests;

public sealed class AddMCPilotTests
{
    [Fact]
    public void AddMCPilot_CalledTwice_ReturnsSameBuilderAndRegistersOnce()
    {
        var services = new ServiceCollection();

        var first = services.AddMCPilot();
        var count = services.Count;
        var second = services.AddMCPilot(o => o.InstanceName = "two");

        Assert.Same(first, second);
        Assert.Equal(count + 1, services.Count); // only the Configure callback was added
        Assert.Single(services, d => d.ServiceType == typeof(ISecretVault));
    }

    [Fact]
    public async Task Start_ValidConfiguration_ResolvesVault()
    {
        using var host = BuildHost(new() { ["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal("primary", host.Services.GetRequiredService<ISecretVault>().ActiveKeyId);
        Assert.Equal(MCPilotOptions.DefaultInstanceName, host.Services.GetRequiredService<IOptions<MCPilotOptions>>().Value.InstanceName);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("MCPilot:InstanceName", "Not Valid!", "MCPilot:InstanceName is 1 to 32 characters")]
    [InlineData("MCPilot:PublicBaseUrl", "ftp://example.com", "MCPilot:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("MCPilot:Vault:MasterSecret", "", "No vault master secret is configured")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        settings[key] = value;
        using var host = BuildHost(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMCPilot();
        return builder.Build();
    }
}
