using Microsoft.Extensions.Options;

namespace MCPilot.Commands;

/// <summary>Cross-field checks of <see cref="EntityCommandOptions"/>.</summary>
internal sealed class EntityCommandOptionsValidator : IValidateOptions<EntityCommandOptions>
{
    public ValidateOptionsResult Validate(string? name, EntityCommandOptions options)
    {
        if (options.Provenance && !options.ProvenanceEmoji.Any(e => !string.IsNullOrWhiteSpace(e)))
        {
            return ValidateOptionsResult.Fail(
                $"{EntityCommandOptions.SectionName}:ProvenanceEmoji is empty while {EntityCommandOptions.SectionName}:Provenance is true: name at least one emoji (e.g. \"❓\"), or set Provenance to false.");
        }

        return ValidateOptionsResult.Success;
    }
}
