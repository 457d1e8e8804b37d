using MCPilot.Commands;
using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the slash commands and reactions that let a server's members see and reach its entities.</summary>
public static class MCPilotBuilderEntityCommandExtensions
{
    /// <summary>
    /// Adds, with the entities and the Discord Gateway: <c>/entities</c> (the entities of the server
    /// and the channels each may use), <c>/talk entity:&lt;name&gt;</c> (the entity a member's DMs
    /// go to, for its <c>read_dms</c>), <c>/leaderboard [period]</c> (entities ranked by messages in
    /// the server), and the ❓ provenance reaction (a DM telling who posted an entity's message and
    /// who owns the entity; it adds the <c>GUILD_MESSAGE_REACTIONS</c> intent). None is a management
    /// command: every member may run them. Settings bind from <c>MCPilot:Entities:Commands</c>
    /// (<see cref="EntityCommandOptions"/>) and are validated at start. Needs the stores
    /// <c>IEntityStore</c>, <c>IDmRouteStore</c>, <c>IMessageCounterStore</c> and <c>ISentMessageStore</c>.
    /// </summary>
    public static IMCPilotBuilder AddEntityCommands(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEntities();
        builder.AddDiscordGateway();
        var services = builder.Services;
        services.AddValidatedOptions<EntityCommandOptions>(EntityCommandOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityCommandOptions>, EntityCommandOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<GatewayOptions>, ProvenanceIntents>());
        builder.AddSlashCommand<EntitiesCommand>();
        builder.AddSlashCommand<TalkCommand>();
        builder.AddSlashCommand<LeaderboardCommand>();
        builder.AddGatewayEventHandler<MessageReactionAddEvent, ProvenanceReactionHandler>();
        return builder;
    }

    /// <summary>Adds the entity commands and configures them in code (applied after configuration).</summary>
    public static IMCPilotBuilder AddEntityCommands(this IMCPilotBuilder builder, Action<EntityCommandOptions> configure) =>
        builder.AddConfigured(static b => b.AddEntityCommands(), configure);

    /// <summary>Adds the entity commands and binds their options from <paramref name="section"/> (applied after <c>MCPilot:Entities:Commands</c>).</summary>
    public static IMCPilotBuilder AddEntityCommands(this IMCPilotBuilder builder, IConfigurationSection section) =>
        builder.AddConfigured<EntityCommandOptions>(static b => b.AddEntityCommands(), section);
}
