using System.Globalization;
using System.Text;
using System.Text.Json;
using MCPilot.Activity;
using MCPilot.Discord.Interactions;
using MCPilot.Discord.Models;
using MCPilot.Discord.Serialization;
using MCPilot.Entities;
using Microsoft.Extensions.Options;

namespace MCPilot.Commands;

/// <summary>
/// <c>/leaderboard [period]</c>: ranks this server's entities by the messages they sent (day, week,
/// month or all time; <see cref="IMessageCounterStore"/>). For every member; the answer is public,
/// as a leaderboard is meant to be seen.
/// </summary>
internal sealed class LeaderboardCommand(IMessageCounterStore counters, EntityRegistry registry, IOptions<EntityCommandOptions> options, TimeProvider time) : ISlashCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "leaderboard";

    /// <summary>The option naming the period.</summary>
    public const string PeriodOption = "period";

    private static readonly string[] Medals = ["🥇", "🥈", "🥉"];

    public ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = Name,
        Description = "Ranks this server's AI entities by the messages they sent.",
        Contexts = [SlashCommandContexts.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.String,
                Name = PeriodOption,
                Description = $"Over which period (default {LeaderboardPeriod.Week.Name}).",
                Required = false,
                Choices = [.. LeaderboardPeriod.All.Select(p => new ApplicationCommandOptionChoice { Name = p.Name, Value = JsonSerializer.SerializeToElement(p.Name, DiscordJson.Options) })],
            },
        ],
    };

    public async ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken)
    {
        var guildId = SlashCommandContexts.RequireGuild(context);
        var period = ReadPeriod(context);
        var (from, to) = period.Range(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var rows = await counters.GetLeaderboardAsync(guildId, from, to, options.Value.LeaderboardSize, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            await context.ReplyAsync($"No entity has posted in this server {period.Label}.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = new StringBuilder().Append("**Leaderboard** — messages ").Append(period.Label).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            var name = (await registry.GetAsync(rows[i].EntityId, cancellationToken).ConfigureAwait(false))?.Name ?? "(a deleted entity)";
            var rank = i < Medals.Length ? Medals[i] : string.Create(CultureInfo.InvariantCulture, $"{i + 1}.");
            text.Append(CultureInfo.InvariantCulture, $"{rank} **{name}**: {rows[i].Messages:N0} message{(rows[i].Messages == 1 ? "" : "s")}\n");
        }

        await context.ReplyAsync(text.ToString().TrimEnd(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static LeaderboardPeriod ReadPeriod(SlashCommandContext context)
    {
        if (context.GetOption(PeriodOption) is null)
        {
            return LeaderboardPeriod.Week;
        }

        return context.GetString(PeriodOption) is { } text && LeaderboardPeriod.Find(text) is { } period
            ? period
            : throw new SlashCommandException($"`{PeriodOption}` must be one of {string.Join(", ", LeaderboardPeriod.All.Select(p => p.Name))}.");
    }
}
