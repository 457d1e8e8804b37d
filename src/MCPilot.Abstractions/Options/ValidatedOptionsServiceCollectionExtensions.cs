using System.Diagnostics.CodeAnalysis;
using MCPilot;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>How MCPilot's packages (and plugins) register options that are validated at start.</summary>
public static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/> once, however often it is called (every <c>Add*</c>
    /// that needs the options may call it): bound from the configuration section
    /// <paramref name="sectionName"/> (unless <paramref name="bindConfiguration"/> is false, for
    /// options that a configurator of their own binds), checked against their DataAnnotations
    /// attributes, and validated when the host starts. A failure names the setting by its full path
    /// (<c>MCPilot:Discord:Gateway:ShardCount</c>) and says what it must be.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="sectionName">The configuration section of the options, e.g. <c>MCPilot:Entities</c>: bound, and used to name settings in failures.</param>
    /// <param name="bindConfiguration">Whether to bind the options from <paramref name="sectionName"/> (needs an <c>IConfiguration</c> service).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(
        this IServiceCollection services, string sectionName, bool bindConfiguration = true)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationInstance is AnnotatedSettingsValidator<TOptions>))
        {
            return services;
        }

        var options = services.AddOptions<TOptions>();
        if (bindConfiguration)
        {
            options.BindConfiguration(sectionName);
        }

        services.AddSingleton<IValidateOptions<TOptions>>(new AnnotatedSettingsValidator<TOptions>(sectionName));
        options.ValidateOnStart();
        return services;
    }
}
