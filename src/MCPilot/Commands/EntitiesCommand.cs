using System.Text;
using MCPilot.Discord.Interactions;
using MCPilot.Discord.Models;
using MCPilot.Discord.Webhooks;
using MCPilot.Entities;

namespace MCPilot.Commands;

/// <summary>
/// <c>/entities</c>: the AI entities present in this server, with the channels each may use and its
/// owner. For every member (not a management command); the answer is ephemeral.
/// </summary>
internal sealed class EntitiesCommand(IEntityStore entities) : ISlashCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "entities";

    public ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = Name,
        Description = "The AI entities in this server and the channels each may use.",
        Contexts = [SlashCommandContexts.Guild],
    };

    public bool Ephemeral => true;

    public async ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken)
    {
        var guildId = SlashCommandContexts.RequireGuild(context);
        var present = (await entities.ListByGuildAsync(guildId, cancellationToken).ConfigureAwait(false))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (present.Count == 0)
        {
            await context.ReplyAsync("No AI entities are in this server yet. The bot's operator adds them (e.g. `entities create <name> --guild <server id>` on the MCPilot host).", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = new StringBuilder();
        text.Append("**AI entities in this server** (").Append(present.Count).Append(")\n");
        foreach (var entity in present)
        {
            text.Append("\n**").Append(entity.Name).Append("**");
            if (!string.IsNullOrWhiteSpace(entity.Description))
            {
                text.Append(": ").Append(entity.Description.Trim());
            }

            text.Append("\n  channels: ").Append(EntityPolicyText.Channels(entity.Membership(guildId)!.Policy))
                .Append("\n  owner: ").Append(EntityPolicyText.Owner(entity)).Append('\n');
        }

        text.Append("\nThreads and forum posts follow their channel. `/talk entity:<name>` sends your DMs to an entity; react ❓ to an entity's message to learn who runs it.");
        foreach (var part in DiscordMessageSplitter.Split(text.ToString()))
        {
            await context.ReplyAsync(part, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
