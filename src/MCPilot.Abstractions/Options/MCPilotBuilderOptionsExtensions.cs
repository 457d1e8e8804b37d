using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The bodies of every package's <c>AddXxx(Action&lt;TOptions&gt;)</c> and
/// <c>AddXxx(IConfigurationSection)</c> overloads: add the package, then configure its options
/// (applied after the configuration binding of <c>AddXxx()</c>).
/// </summary>
public static class MCPilotBuilderOptionsExtensions
{
    /// <summary>Checks <paramref name="configure"/>, runs <paramref name="add"/>, then configures <typeparamref name="TOptions"/> in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="add">The package's <c>AddXxx()</c>.</param>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>The builder.</returns>
    public static IMCPilotBuilder AddConfigured<TOptions>(this IMCPilotBuilder builder, Func<IMCPilotBuilder, IMCPilotBuilder> add, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(configure);
        add(builder).Services.Configure(configure);
        return builder;
    }

    /// <summary>Checks <paramref name="section"/>, runs <paramref name="add"/>, then binds <typeparamref name="TOptions"/> from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="add">The package's <c>AddXxx()</c>.</param>
    /// <param name="section">The configuration section to bind.</param>
    /// <returns>The builder.</returns>
    public static IMCPilotBuilder AddConfigured<TOptions>(this IMCPilotBuilder builder, Func<IMCPilotBuilder, IMCPilotBuilder> add, IConfigurationSection section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(section);
        add(builder).Services.Configure<TOptions>(section);
        return builder;
    }
}
