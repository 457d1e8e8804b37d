using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MCPilot.Discord.Interactions;
using MCPilot.Discord.Models;
using MCPilot.Entities;
using MCPilot.Host.Status;

namespace MCPilot.Host.Discord;

/// <summary>
/// <c>/status</c>: the Gateway's state and latency, shards, entity and session counts, and uptime,
/// read from the same status sources as the operator CLI's <c>status</c>. A management command:
/// members need Manage Server (a stand-in until role-based access control), and Discord hides it
/// from others by default. Ephemeral. It names broken parts but never their details (paths,
/// database hosts): those are for the operator's <c>status</c>.
/// </summary>
internal sealed class StatusSlashCommand(HostStatus status, IEntityStore entities) : ISlashCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "status";

    public ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = Name,
        Description = "The bot's health: Gateway, latency, shards, entities, MCP sessions, uptime.",
        Contexts = [0], // in servers only
        DefaultMemberPermissions = DiscordPermissions.ManageGuild,
    };

    public bool Ephemeral => true;

    public async ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken)
    {
        context.RequirePermission(DiscordPermissions.ManageGuild, "Manage Server");
        var report = await status.ReadAsync(HostStatusScope.All, cancellationToken);
        var here = (await entities.ListByGuildAsync(context.GuildId!.Value, cancellationToken)).Count;
        await context.ReplyAsync(Render(report, here), cancellationToken: cancellationToken);
    }

    /// <summary>The report in a few lines for Discord.</summary>
    public static string Render(HostStatusReport report, int entitiesHere)
    {
        var gateway = Section(report, GatewayStatusSource.SectionName);
        var host = Section(report, HostProcessStatusSource.SectionName);
        var text = new StringBuilder()
            .Append("**MCPilot status: ").Append(Level(report.Level)).Append("**\n")
            .Append("Gateway: ").Append(Text(gateway, GatewayStatusSource.StateField) ?? "not running")
            .Append(" · latency ").Append(Text(gateway, GatewayStatusSource.LatencyField) is { } ms ? ms + " ms" : "n/a")
            .Append(" · shards ready ").Append(Text(gateway, GatewayStatusSource.ShardsReadyField) ?? "0/0")
            .Append(" · ").Append(Text(gateway, GatewayStatusSource.EventsPerSecondField) ?? "0").Append(" events/s\n")
            .Append("Entities: ").Append(Text(host, HostProcessStatusSource.EntitiesLoadedField) ?? "not loaded")
            .Append(CultureInfo.InvariantCulture, $" ({entitiesHere} in this server)")
            .Append(" · MCP sessions open: ").Append(Text(host, HostProcessStatusSource.OpenSessionsField) ?? "0").Append('\n')
            .Append("Uptime: ").Append(Text(host, HostProcessStatusSource.UptimeField) ?? "n/a");
        var troubled = report.Sections.Where(s => s.Level != HostStatusLevel.Ok).ToList();
        if (troubled.Count > 0)
        {
            text.Append("\nNeeds attention: ").Append(string.Join(", ", troubled.Select(s => $"{s.Name} ({Level(s.Level)})")))
                .Append(". The operator's `status` command on the host has the details.");
        }

        return text.ToString();
    }

    private static HostStatusSection? Section(HostStatusReport report, string name) => report.Sections.FirstOrDefault(s => s.Name == name);

    private static string? Text(HostStatusSection? section, string field) => section?.Fields[field] switch
    {
        null => null,
        JsonValue value => value.ToString(),
        var other => other.ToJsonString(),
    };

    private static string Level(HostStatusLevel level) => level switch
    {
        HostStatusLevel.Ok => "ok",
        HostStatusLevel.Warning => "⚠️ warning",
        _ => "⛔ error",
    };
}
