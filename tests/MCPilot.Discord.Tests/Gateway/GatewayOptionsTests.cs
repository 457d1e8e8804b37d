using MCPilot.Discord.Gateway;
using MCPilot.Discord.Interactions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewayOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IMCPilotBuilder>? compose = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var builder = services.AddMCPilot().AddDiscordGateway();
        compose?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Configuration_BindsIntentsShardsAndCommands()
    {
        using var provider = Build(new()
        {
            ["MCPilot:Discord:Token"] = "abc.def.ghi",
            ["MCPilot:Discord:Gateway:Intents"] = "Guilds, GuildMessages, GuildMessageReactions",
            ["MCPilot:Discord:Gateway:ShardCount"] = "4",
            ["MCPilot:Discord:Gateway:ShardIds:0"] = "2",
            ["MCPilot:Discord:Gateway:Commands:GuildIds:0"] = "123",
            ["MCPilot:Discord:Gateway:Commands:DeferAfter"] = "00:00:01.5",
        });
        var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.Equal(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.GuildMessageReactions, options.Intents);
        Assert.Equal(4, options.ShardCount);
        Assert.Equal([2], options.ShardIds);
        Assert.Equal([123UL], options.Commands.GuildIds);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.Commands.DeferAfter);
    }

    [Theory]
    [InlineData("MCPilot:Discord:Gateway:Intents", "GuildMessages", "lacks Guilds")]
    [InlineData("MCPilot:Discord:Gateway:ShardIds:0", "5", "ShardIds names shard(s) 5, but ShardCount is 2")]
    [InlineData("MCPilot:Discord:Gateway:Commands:GuildIds:0", "0", "Commands:GuildIds has 0")]
    [InlineData("MCPilot:Discord:Gateway:Commands:DeferAfter", "00:00:03", "DeferAfter")]
    [InlineData("MCPilot:Discord:Gateway:MinReconnectDelay", "00:05:00", "MinReconnectDelay (00:05:00) is longer than MaxReconnectDelay")]
    public void Validation_BadSetting_FailsNamingIt(string key, string value, string message)
    {
        using var provider = Build(new() { ["MCPilot:Discord:Token"] = "abc.def.ghi", ["MCPilot:Discord:Gateway:ShardCount"] = "2", ["MCPilot:Discord:Gateway:MaxReconnectDelay"] = "00:01:00", [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordGateway_Twice_RegistersOnce()
    {
        using var provider = Build(new() { ["MCPilot:Discord:Token"] = "abc.def.ghi" }, b => b.AddDiscordGateway(o => o.LargeThreshold = 100).AddDiscordGateway());
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Single(provider.GetServices<IGatewayHandlerRegistration>());
        Assert.Equal(100, provider.GetRequiredService<IOptions<GatewayOptions>>().Value.LargeThreshold);
        Assert.Same(provider.GetRequiredService<IGatewayEventSource>(), provider.GetRequiredService<IGatewayEventSource>());
        Assert.Empty(provider.GetServices<ISlashCommand>());
    }
}
