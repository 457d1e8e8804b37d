using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Gateway;

/// <summary>Cross-field validation of <see cref="GatewayOptions"/>: every message names the setting and the fix.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    private const GatewayIntents Known = GatewayIntents.Guilds | GatewayIntents.GuildMembers | GatewayIntents.GuildModeration | GatewayIntents.GuildExpressions
        | GatewayIntents.GuildIntegrations | GatewayIntents.GuildWebhooks | GatewayIntents.GuildInvites | GatewayIntents.GuildVoiceStates | GatewayIntents.GuildPresences
        | GatewayIntents.GuildMessages | GatewayIntents.GuildMessageReactions | GatewayIntents.GuildMessageTyping | GatewayIntents.DirectMessages
        | GatewayIntents.DirectMessageReactions | GatewayIntents.DirectMessageTyping | GatewayIntents.MessageContent | GatewayIntents.GuildScheduledEvents
        | GatewayIntents.AutoModerationConfiguration | GatewayIntents.AutoModerationExecution | GatewayIntents.GuildMessagePolls | GatewayIntents.DirectMessagePolls;

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        const string prefix = GatewayOptions.SectionName;
        if ((options.Intents & ~Known) != 0)
        {
            failures.Add($"{prefix}:Intents has bits Discord does not define ({(int)(options.Intents & ~Known)}). Use intent names such as \"Guilds, GuildMessages, DirectMessages, MessageContent\".");
        }

        if (!options.Intents.HasFlag(GatewayIntents.Guilds))
        {
            failures.Add($"{prefix}:Intents lacks Guilds: without it MCPilot cannot learn the guilds, channels and threads it routes messages by. Add Guilds.");
        }

        if (options.ShardIds.Any(id => id < 0))
        {
            failures.Add($"{prefix}:ShardIds has a negative shard id. Shard ids run from 0 to ShardCount - 1.");
        }

        if (options.ShardCount is { } count && options.ShardIds.Any(id => id >= count))
        {
            failures.Add($"{prefix}:ShardIds names shard(s) {string.Join(", ", options.ShardIds.Where(id => id >= count))}, but ShardCount is {count} (ids 0 to {count - 1}). Fix ShardIds or ShardCount.");
        }

        if (options.ShardIds.Count != options.ShardIds.Distinct().Count())
        {
            failures.Add($"{prefix}:ShardIds lists a shard twice. List each shard once.");
        }

        if (options.MinReconnectDelay > options.MaxReconnectDelay)
        {
            failures.Add($"{prefix}:MinReconnectDelay ({options.MinReconnectDelay}) is longer than MaxReconnectDelay ({options.MaxReconnectDelay}). Lower the first or raise the second.");
        }

        if (options.Commands.GuildIds.Any(id => id == 0))
        {
            failures.Add($"{prefix}:Commands:GuildIds has 0, which is no guild id. Use the guild's id (right-click the server > Copy Server ID), or leave GuildIds empty for global commands.");
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.Commands, new ValidationContext(options.Commands), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{prefix}:Commands:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
