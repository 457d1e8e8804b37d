using Microsoft.Extensions.Options;

namespace MCPilot;

/// <summary>Cross-field checks of <see cref="MCPilotOptions"/>.</summary>
internal sealed class MCPilotOptionsValidator : IValidateOptions<MCPilotOptions>
{
    public ValidateOptionsResult Validate(string? name, MCPilotOptions options)
    {
        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            return ValidateOptionsResult.Fail($"MCPilot:PublicBaseUrl must be an absolute http or https URL, such as https://bot.example.com; it is '{url}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
