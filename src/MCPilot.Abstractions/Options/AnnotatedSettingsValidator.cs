using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace MCPilot;

/// <summary>
/// Checks options against their DataAnnotations attributes (on properties and on the class, and
/// <see cref="IValidatableObject"/>), naming each setting by its configuration path:
/// <c>The field MCPilot:Discord:Gateway:ShardCount must be between 1 and 1000000.</c>
/// </summary>
/// <typeparam name="TOptions">The options.</typeparam>
/// <param name="sectionName">The options' configuration section.</param>
internal sealed class AnnotatedSettingsValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <summary>The options' configuration section.</summary>
    public string SectionName { get; } = sectionName;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList();
            if (attributes.Count == 0 || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var path = SectionName + ":" + property.Name;
            var results = new List<ValidationResult>();
            Validator.TryValidateValue(property.GetValue(options), new ValidationContext(options) { MemberName = property.Name, DisplayName = path }, results, attributes);
            failures.AddRange(results.Select(r => Named(path, r.ErrorMessage)));
        }

        var whole = new List<ValidationResult>();
        Validator.TryValidateValue(options, new ValidationContext(options) { DisplayName = SectionName }, whole, typeof(TOptions).GetCustomAttributes<ValidationAttribute>(inherit: true));
        if (options is IValidatableObject validatable)
        {
            whole.AddRange(validatable.Validate(new ValidationContext(options)));
        }

        failures.AddRange(whole.Select(r => Named(r.MemberNames.FirstOrDefault() is { } member ? SectionName + ":" + member : SectionName, r.ErrorMessage)));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A message that names the setting already (a custom ErrorMessage may) is kept as it is.
    private static string Named(string path, string? message) =>
        message is not null && message.Contains(path, StringComparison.OrdinalIgnoreCase) ? message : $"{path}: {message ?? "is not valid."}";
}
