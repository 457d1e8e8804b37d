using Microsoft.Extensions.Options;

namespace MCPilot.Entities;

/// <summary>Cross-field checks of <see cref="EntityOptions"/>.</summary>
internal sealed class EntityOptionsValidator : IValidateOptions<EntityOptions>
{
    public ValidateOptionsResult Validate(string? name, EntityOptions options)
    {
        if (options.Feeds is null)
        {
            return ValidateOptionsResult.Fail(
                "MCPilot:Entities:Feeds is null: leave it unset (feeds in memory only) or set MCPilot:Entities:Feeds:Persist to true or false.");
        }

        if (options.OwnMessageMemory < options.FeedCapacity)
        {
            return ValidateOptionsResult.Fail(
                $"MCPilot:Entities:OwnMessageMemory ({options.OwnMessageMemory}) is smaller than MCPilot:Entities:FeedCapacity ({options.FeedCapacity}): replies to messages still in a feed would not be recognised. Raise OwnMessageMemory.");
        }

        return ValidateOptionsResult.Success;
    }
}
