using MCPilot.Entities;
using MCPilot.Storage;

namespace MCPilot.Host.Cli;

/// <summary>Finds the entity an operator names: by id (32 hex digits) or by name (case-insensitive).</summary>
internal static class EntityLookup
{
    public static async Task<Entity> FindAsync(EntityRegistry registry, string reference, CancellationToken cancellationToken)
    {
        if (EntityId.TryParse(reference, out var id))
        {
            return await registry.GetAsync(id, cancellationToken)
                ?? throw new CliException($"No entity has the id {id}. List them with `entities list`.");
        }

        var key = StoreKeys.Name(EntityRules.NormalizeName(reference));
        var matches = (await registry.ListAsync(cancellationToken)).Where(e => StoreKeys.Name(e.Name) == key).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException($"No entity is named '{reference}'. List them with `entities list`, or give the entity's id."),
            _ => throw new CliException($"{matches.Count} entities are named '{reference}' (in different guilds): {string.Join(", ", matches.Select(m => m.Id))}. Give the id of the one you mean."),
        };
    }
}
