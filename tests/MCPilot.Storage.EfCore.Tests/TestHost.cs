using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>A generic host with MCPilot, a master secret, and the given settings.</summary>
public static class TestHost
{
    /// <summary>The master secret every test host uses (random per test run).</summary>
    public static readonly string MasterSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static IHost Build(Dictionary<string, string?> settings, Action<IMCPilotBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MCPilot:Vault:MasterSecret"] = MasterSecret });
        builder.Configuration.AddInMemoryCollection(settings);
        configure(builder.Services.AddMCPilot());
        return builder.Build();
    }
}
