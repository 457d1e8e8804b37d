using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IMCPilotBuilder>? add = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        var builder = services.AddMCPilot();
        builder.AddDiscordRest();
        add?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddDiscordRest_BindsSectionAndTokenFallback_AndIsIdempotent()
    {
        using var provider = Build(new() { ["DISCORD_TOKEN"] = "abc.def.ghi", ["MCPilot:Discord:Rest:GlobalRequestsPerSecond"] = "25", ["MCPilot:Discord:ApiBaseUrl"] = "http://127.0.0.1:5181/api/v10/" }, b => b.AddDiscordRest());
        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        Assert.Equal("abc.def.ghi", options.Token);
        Assert.Equal(25, options.Rest.GlobalRequestsPerSecond);
        Assert.Equal(new Uri("http://127.0.0.1:5181/api/v10/"), options.ApiBaseUrl);
        Assert.DoesNotContain("abc", options.ToString(), StringComparison.Ordinal);
        Assert.Same(provider.GetRequiredService<IDiscordRestClient>(), provider.GetRequiredService<IDiscordRestClient>());
        Assert.NotNull(provider.GetRequiredService<IWebhookIdentityEngine>());
    }

    [Theory]
    [InlineData(null, "No Discord bot token")]
    [InlineData("Bot abc", "bare token")]
    [InlineData("abc def", "spaces")]
    public void Validation_BadToken_NamesTheSettingAndTheFix(string? token, string expected)
    {
        Environment.SetEnvironmentVariable(DiscordOptions.TokenEnvironmentVariable, null);
        using var provider = Build(new() { ["MCPilot:Discord:Token"] = token });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("MCPilot:Discord:Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_OutOfRangeAndForbiddenNames_AreReported()
    {
        using var provider = Build(new()
        {
            ["MCPilot:Discord:Token"] = "t",
            ["MCPilot:Discord:Rest:MaxRetries"] = "99",
            ["MCPilot:Discord:Webhooks:WebhookName"] = "My Discord Hook",
        });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains("MCPilot:Discord:Rest:MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.Contains("MCPilot:Discord:Webhooks:WebhookName", error.Message, StringComparison.Ordinal);
    }
}
