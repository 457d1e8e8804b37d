using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MCPilot.Abstractions.Tests.Options;

public sealed class ValidatedOptionsServiceCollectionExtensionsTests
{
    private const string Section = "Sample:Widgets";

    [Fact]
    public void AddValidatedOptions_BindsTheSection()
    {
        using var provider = Build(new() { ["Sample:Widgets:Size"] = "7", ["Sample:Widgets:Name"] = "gear" }).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WidgetOptions>>().Value;

        Assert.Equal(7, options.Size);
        Assert.Equal("gear", options.Name);
    }

    [Fact]
    public void AddValidatedOptions_CalledThreeTimes_RegistersOneValidatorAndOneBinding()
    {
        var services = Build(new() { ["Sample:Widgets:Size"] = "7" });
        var count = services.Count;

        services.AddValidatedOptions<WidgetOptions>(Section).AddValidatedOptions<WidgetOptions>(Section);

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<WidgetOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IConfigureOptions<WidgetOptions>));
    }

    [Fact]
    public async Task Start_BadValues_FailsOnceNamingEachSettingByItsPath()
    {
        using var host = BuildHost(new() { ["Sample:Widgets:Size"] = "0", ["Sample:Widgets:Name"] = "" }, times: 3);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            ["The field Sample:Widgets:Size must be between 1 and 10.", "Sample:Widgets:Name is required: name the widget."],
            error.Failures);
    }

    [Fact]
    public void Validate_ClassLevelRules_NameTheSectionOrTheMember()
    {
        using var provider = Build(new() { ["Sample:Widgets:Size"] = "3", ["Sample:Widgets:Name"] = "odd" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WidgetOptions>>().Value);

        Assert.Equal(["Sample:Widgets:Size: an odd widget needs an even size."], error.Failures);
    }

    [Fact]
    public void AddValidatedOptions_WithoutBinding_LeavesBindingToItsOwner()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sample:Widgets:Size"] = "0" }).Build());
        services.AddValidatedOptions<WidgetOptions>(Section, bindConfiguration: false);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(5, provider.GetRequiredService<IOptions<WidgetOptions>>().Value.Size);
    }

    private static ServiceCollection Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddValidatedOptions<WidgetOptions>(Section);
        return services;
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, int times)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        for (var i = 0; i < times; i++)
        {
            builder.Services.AddValidatedOptions<WidgetOptions>(Section);
        }

        return builder.Build();
    }

    public sealed class WidgetOptions : IValidatableObject
    {
        [Range(1, 10)]
        public int Size { get; set; } = 5;

        [Required(ErrorMessage = "Sample:Widgets:Name is required: name the widget.")]
        public string? Name { get; set; } = "widget";

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Name == "odd" && Size % 2 == 1)
            {
                yield return new ValidationResult("an odd widget needs an even size.", [nameof(Size)]);
            }
        }
    }
}
