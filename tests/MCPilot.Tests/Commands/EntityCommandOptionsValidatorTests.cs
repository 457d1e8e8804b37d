using MCPilot.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MCPilot.Tests.Commands;

public sealed class EntityCommandOptionsValidatorTests
{
    private readonly EntityCommandOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(_validator.Validate(Options.DefaultName, new EntityCommandOptions()).Succeeded);

    [Theory]
    [InlineData]
    [InlineData("")]
    [InlineData(" ", "\t")]
    public void Validate_ProvenanceOnWithoutEmoji_FailsNamingBothSettingsAndTheFix(params string[] emoji)
    {
        var options = WithEmoji(emoji);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("MCPilot:Entities:Commands:ProvenanceEmoji is empty", failure, StringComparison.Ordinal);
        Assert.Contains("MCPilot:Entities:Commands:Provenance is true", failure, StringComparison.Ordinal);
        Assert.Contains("set Provenance to false", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProvenanceOffWithoutEmoji_Succeeds()
    {
        var options = WithEmoji([]);
        options.Provenance = false;

        Assert.True(_validator.Validate(Options.DefaultName, options).Succeeded);
    }

    [Fact]
    public void Validate_OneUsableEmojiAmongBlanks_Succeeds() =>
        Assert.True(_validator.Validate(Options.DefaultName, WithEmoji(["", "🔍"])).Succeeded);

    [Theory]
    [InlineData("ProvenanceBurst", "0", "The field MCPilot:Entities:Commands:ProvenanceBurst must be between 1 and 100.")]
    [InlineData("ProvenanceBurst", "101", "The field MCPilot:Entities:Commands:ProvenanceBurst must be between 1 and 100.")]
    [InlineData("ProvenanceInterval", "1.00:00:01", "The field MCPilot:Entities:Commands:ProvenanceInterval must be between 00:00:01 and 1.00:00:00.")]
    [InlineData("LeaderboardSize", "26", "The field MCPilot:Entities:Commands:LeaderboardSize must be between 1 and 25.")]
    public void Options_OutOfRange_FailNamingTheSettingAndItsRange(string setting, string value, string expected)
    {
        using var provider = Build(new() { [$"{EntityCommandOptions.SectionName}:{setting}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EntityCommandOptions>>().Value);

        Assert.Equal([expected], error.Failures);
    }

    [Fact]
    public void Options_EmojiEmptiedInCode_FailsThroughTheValidator()
    {
        using var provider = Build([], o => o.ProvenanceEmoji.Clear());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EntityCommandOptions>>().Value);

        Assert.Contains("ProvenanceEmoji is empty", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static EntityCommandOptions WithEmoji(string[] emoji)
    {
        var options = new EntityCommandOptions();
        options.ProvenanceEmoji.Clear();
        foreach (var e in emoji)
        {
            options.ProvenanceEmoji.Add(e);
        }

        return options;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<EntityCommandOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var builder = services.AddMCPilot().AddInMemoryStores();
        if (configure is not null)
        {
            builder.AddEntityCommands(configure);
        }
        else
        {
            builder.AddEntityCommands();
        }

        return services.BuildServiceProvider();
    }
}
