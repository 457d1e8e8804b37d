using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MCPilot.Entities;

/// <summary>Cross-field checks of <see cref="EntityOptions"/>.</summary>
internal sealed partial class EntityOptionsValidator : IValidateOptions<EntityOptions>
{
    private static readonly TimeSpan MinRetention = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRetention = TimeSpan.FromDays(365);

    public ValidateOptionsResult Validate(string? name, EntityOptions options)
    {
        if (options.Feeds is null)
        {
            return ValidateOptionsResult.Fail(
                "MCPilot:Entities:Feeds is null: leave it unset (feeds in memory only) or set MCPilot:Entities:Feeds:Persist to true or false.");
        }

        if (options.Feeds.Node is null || options.Feeds.Node.Length > EntityFeedOptions.MaxNodeLength || !NodePattern().IsMatch(options.Feeds.Node))
        {
            return ValidateOptionsResult.Fail(
                $"MCPilot:Entities:Feeds:Node ('{options.Feeds.Node}') must be 1 to {EntityFeedOptions.MaxNodeLength} letters, digits, '.', '_' or '-': name this host's feeds, e.g. 'shards-0-3'.");
        }

        if (options.Feeds.Retention < MinRetention || options.Feeds.Retention > MaxRetention)
        {
            return ValidateOptionsResult.Fail(
                $"MCPilot:Entities:Feeds:Retention ({options.Feeds.Retention}) must be from 00:01:00 to 365.00:00:00: how long persisted feed messages are kept, e.g. 7.00:00:00 for a week.");
        }

        if (options.OwnMessageMemory < options.FeedCapacity)
        {
            return ValidateOptionsResult.Fail(
                $"MCPilot:Entities:OwnMessageMemory ({options.OwnMessageMemory}) is smaller than MCPilot:Entities:FeedCapacity ({options.FeedCapacity}): replies to messages still in a feed would not be recognised. Raise OwnMessageMemory.");
        }

        return ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NodePattern();
}
