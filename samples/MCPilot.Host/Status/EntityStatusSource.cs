using System.Text.Json.Nodes;
using MCPilot.Entities;
using MCPilot.Storage.EfCore;

namespace MCPilot.Host.Status;

/// <summary>The stored entities: how many, in how many guilds, with how many active keys.</summary>
internal sealed class EntityStatusSource(IEntityStore entities, IEntityCredentialStore credentials, MCPilotDatabase database, TimeProvider time) : IHostStatusSource
{
    public string Name => "entities";

    public bool IsLive => false;

    public async Task<HostStatusSection> ReadAsync(CancellationToken cancellationToken)
    {
        if (!(await database.GetStatusAsync(cancellationToken)).IsCurrent)
        {
            return new HostStatusSection(Name, HostStatusLevel.Warning, "Not counted: the database's schema is not this version's (see the database section).", []);
        }

        var all = await entities.ListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var activeKeys = 0;
        var withoutKey = 0;
        foreach (var entity in all)
        {
            var active = (await credentials.ListAsync(entity.Id, cancellationToken)).Count(c => c.IsActive(now));
            activeKeys += active;
            withoutKey += active == 0 ? 1 : 0;
        }

        var fields = new JsonObject
        {
            ["entities"] = all.Count,
            ["guilds"] = all.SelectMany(e => e.Guilds).Select(g => g.GuildId).Distinct().Count(),
            ["activeKeys"] = activeKeys,
            ["entitiesWithoutKey"] = withoutKey,
        };
        return withoutKey > 0
            ? new HostStatusSection(Name, HostStatusLevel.Warning, $"{withoutKey} entit{(withoutKey == 1 ? "y has" : "ies have")} no active key, so no MCP client can connect to {(withoutKey == 1 ? "it" : "them")}: issue one with `keys create <entity>`.", fields)
            : HostStatusSection.Ok(Name, fields);
    }
}
