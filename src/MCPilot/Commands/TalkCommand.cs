using MCPilot.Discord.Interactions;
using MCPilot.Discord.Models;
using MCPilot.Entities;
using MCPilot.Storage;
using Microsoft.Extensions.Logging;

namespace MCPilot.Commands;

/// <summary>
/// <c>/talk entity:&lt;name&gt;</c>: chooses the entity the member's DMs to the bot go to (their
/// active entity, <see cref="IDmRouteStore"/>), so that the entity's <c>read_dms</c> gets them.
/// Without <c>entity</c> it says which one it is; <c>entity:none</c> stops. For every member;
/// ephemeral.
/// </summary>
internal sealed class TalkCommand(IEntityStore entities, IDmRouteStore routes, ILogger<TalkCommand> logger) : ISlashCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "talk";

    /// <summary>The option naming the entity.</summary>
    public const string EntityOption = "entity";

    /// <summary>The value that clears the member's active entity.</summary>
    public const string None = "none";

    /// <summary>The tool an entity reads routed DMs with.</summary>
    private const string ReadDmsTool = "read_dms";

    public ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = Name,
        Description = "Choose the AI entity your direct messages to this bot go to.",
        Contexts = [SlashCommandContexts.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.String,
                Name = EntityOption,
                Description = "The entity's name (see /entities), or \"none\" to stop. Leave out to see your current one.",
                Required = false,
                MinLength = 1,
                MaxLength = Entity.MaxNameLength,
            },
        ],
    };

    public bool Ephemeral => true;

    public async ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken)
    {
        var guildId = SlashCommandContexts.RequireGuild(context);
        var userId = context.User.Id;
        if (context.GetOption(EntityOption) is not null && context.GetString(EntityOption) is null)
        {
            throw new SlashCommandException($"`{EntityOption}` must be an entity's name (text), e.g. `/talk {EntityOption}:Ada`. /entities lists them.");
        }

        var present = await entities.ListByGuildAsync(guildId, cancellationToken).ConfigureAwait(false);
        var name = context.GetString(EntityOption)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            await context.ReplyAsync(await DescribeCurrentAsync(userId, cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var entity = present.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entity is null && string.Equals(name, None, StringComparison.OrdinalIgnoreCase))
        {
            await routes.SetActiveEntityAsync(userId, null, cancellationToken).ConfigureAwait(false);
            EntityCommandLog.TalkCleared(logger, userId);
            await context.ReplyAsync("Done: your DMs to this bot go to no entity now.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (entity is null)
        {
            var names = present.Count == 0 ? "none" : string.Join(", ", present.Select(e => e.Name).Order(StringComparer.OrdinalIgnoreCase));
            throw new SlashCommandException($"No entity called \"{Truncate(name)}\" is in this server. Entities here: {names}.");
        }

        if (!entity.MayCall(ReadDmsTool))
        {
            throw new SlashCommandException($"{entity.Name} does not read DMs (its tools do not include {ReadDmsTool}), so your messages would reach no one. Pick another entity (/entities).");
        }

        try
        {
            await routes.SetActiveEntityAsync(userId, entity.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.Error == StoreError.NotFound)
        {
            throw new SlashCommandException($"{entity.Name} was deleted a moment ago. Pick another entity (/entities).", e);
        }

        EntityCommandLog.TalkSet(logger, userId, entity.Id);
        await context.ReplyAsync(
            $"Your DMs to this bot now go to **{entity.Name}**. Send the bot a direct message: {entity.Name} reads it, and may answer there. `/talk {EntityOption}:{None}` stops.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> DescribeCurrentAsync(ulong userId, CancellationToken cancellationToken)
    {
        var current = await routes.GetActiveEntityAsync(userId, cancellationToken).ConfigureAwait(false);
        var entity = current is { } id ? await entities.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return entity is null
            ? $"Your DMs to this bot go to no entity. Choose one with `/talk {EntityOption}:<name>` (/entities lists them)."
            : $"Your DMs to this bot go to **{entity.Name}**. `/talk {EntityOption}:<name>` switches, `/talk {EntityOption}:{None}` stops.";
    }

    private static string Truncate(string text) => text.Length <= Entity.MaxNameLength ? text : text[..Entity.MaxNameLength] + "…";
}
