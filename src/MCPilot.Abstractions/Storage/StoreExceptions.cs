using System.Globalization;
using MCPilot.Entities;
using MCPilot.Servers;

namespace MCPilot.Storage;

/// <summary>
/// The exceptions stores throw, with their messages in one place, so that every store says the
/// same thing for the same rule. Messages name the record and the rule, never a secret.
/// </summary>
public static class StoreExceptions
{
    /// <summary>An entity id is already in use.</summary>
    public static StoreException EntityExists(EntityId id) =>
        new(StoreError.Duplicate, $"An entity with id {id} already exists.");

    /// <summary>An update found no entity.</summary>
    public static StoreException EntityNotFound(Entity entity) => NotFound(Describe(entity));

    /// <summary>An entity changed since it was read.</summary>
    public static StoreException EntityConflict(Entity entity, long currentVersion) => Conflict(Describe(entity), entity.Version, currentVersion);

    /// <summary>Another entity has the name in a guild.</summary>
    public static StoreException EntityNameTaken(string name, ulong guildId, EntityId holder) =>
        new(StoreError.Duplicate, string.Create(CultureInfo.InvariantCulture,
            $"The name '{name}' is taken in guild {guildId} by entity {holder}: entity names are unique (case-insensitively) within a guild."));

    /// <summary>Throws <see cref="ArgumentException"/> when an entity lists a guild twice.</summary>
    public static void CheckGuildsDistinct(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var seen = new HashSet<ulong>();
        foreach (var membership in entity.Guilds)
        {
            if (!seen.Add(membership.GuildId))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Entity '{entity.Name}' lists guild {membership.GuildId} twice: give each guild one membership."), nameof(entity));
            }
        }
    }

    /// <summary>A record refers to an entity that does not exist.</summary>
    public static StoreException EntityMissing(EntityId id, string what) =>
        new(StoreError.NotFound, $"Entity {id} does not exist, so {what} cannot refer to it.");

    /// <summary>An API key's lookup id is already in use.</summary>
    public static StoreException LookupIdTaken(string lookupId) =>
        new(StoreError.Duplicate, $"A credential with lookup id '{lookupId}' already exists: generate a new key.");

    /// <summary>A registration id is already in use.</summary>
    public static StoreException RegistrationExists(Guid id) =>
        new(StoreError.Duplicate, $"An MCP server registration with id {id:N} already exists.");

    /// <summary>An update found no registration.</summary>
    public static StoreException RegistrationNotFound(McpServerRegistration registration) => NotFound(Describe(registration));

    /// <summary>A registration changed since it was read.</summary>
    public static StoreException RegistrationConflict(McpServerRegistration registration, long currentVersion) =>
        Conflict(Describe(registration), registration.Version, currentVersion);

    /// <summary>Another registration has the name at the same scope and place.</summary>
    public static StoreException RegistrationNameTaken(McpServerRegistration registration, Guid holder)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new(StoreError.Duplicate,
            $"The name '{registration.Name}' is taken at {StoreKeys.Place(registration)} by MCP server {holder:N}: server names are unique (case-insensitively) within their scope and place.");
    }

    /// <summary>Messages were appended to a thread that does not exist.</summary>
    public static StoreException ThreadNotFound(Guid threadId) =>
        new(StoreError.NotFound, $"Conversation thread {threadId:N} does not exist.");

    private static string Describe(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return $"Entity '{entity.Name}' ({entity.Id})";
    }

    private static string Describe(McpServerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return $"MCP server '{registration.Name}' ({registration.Id:N})";
    }

    private static StoreException NotFound(string record) =>
        new(StoreError.NotFound, $"{record} does not exist (any more): it may have been deleted.");

    private static StoreException Conflict(string record, long readVersion, long currentVersion) =>
        new(StoreError.ConcurrencyConflict, string.Create(CultureInfo.InvariantCulture,
            $"{record} was changed by someone else since it was read (version {readVersion}, now {currentVersion}): re-read it and apply the change again."));
}
