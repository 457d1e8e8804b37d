using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MCPilot.Tests.Commands;

public sealed class MCPilotBuilderEntityCommandExtensionsTests
{
    [Theory]
    [InlineData("MCPilot:Discord:Gateway:ShardCount", "0", "The field MCPilot:Discord:Gateway:ShardCount must be between 1 and 1000000.")]
    [InlineData("MCPilot:Entities:FeedCapacity", "0", "The field MCPilot:Entities:FeedCapacity must be between 1 and 100000.")]
    [InlineData("MCPilot:Entities:Commands:LeaderboardSize", "0", "The field MCPilot:Entities:Commands:LeaderboardSize must be between 1 and 25.")]
    [InlineData("MCPilot:Entities:Commands:ProvenanceInterval", "00:00:00", "The field MCPilot:Entities:Commands:ProvenanceInterval must be between 00:00:01 and 1.00:00:00.")]
    public async Task AddedTwice_BadSetting_StartFailsWithOneMessageNamingItsPath(string key, string value, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MCPilot:Discord:Token"] = "abc.def.ghi",
            [key] = value,
        });

        // Each of these adds the Gateway and the entities too, as hosts and other packages do.
        for (var i = 0; i < 2; i++)
        {
            builder.Services.AddMCPilot().AddInMemoryStores().AddDiscordGateway().AddEntities().AddEntityDiscord().AddEntityCommands();
        }

        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var failures = error is AggregateException all ? all.InnerExceptions : [error];
        Assert.Equal([expected], failures.Select(e => Assert.IsType<OptionsValidationException>(e)).SelectMany(e => e.Failures));
    }
}
