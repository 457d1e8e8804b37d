using MCPilot.Storage;

namespace MCPilot.Entities;

/// <summary>Keeps entities. Writes that break a rule throw <see cref="StoreException"/>.</summary>
public interface IEntityStore
{
    /// <summary>Returns an entity, or <see langword="null"/>.</summary>
    Task<Entity?> GetAsync(EntityId id, CancellationToken cancellationToken = default);

    /// <summary>Lists all entities, by name.</summary>
    Task<IReadOnlyList<Entity>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the entities present in a guild, by name.</summary>
    Task<IReadOnlyList<Entity>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the entities that may use a channel of a guild (or a thread under
    /// <paramref name="parentChannelId"/>), by name: exactly those whose
    /// <see cref="Entity.MayUse"/> is true. Served by an index on (guild, channel), never by a scan
    /// of all entities.
    /// </summary>
    Task<IReadOnlyList<Entity>> ListByChannelAsync(ulong guildId, ulong channelId, ulong? parentChannelId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an entity (its <see cref="Entity.Version"/> becomes 1).
    /// Throws <see cref="StoreError.Duplicate"/> when its id exists, or its name is taken in one of its guilds
    /// (names compare as <see cref="StoreKeys.Name"/> does: case-insensitively).
    /// </summary>
    Task<Entity> CreateAsync(Entity entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an entity if its stored version equals <paramref name="entity"/>'s
    /// <see cref="Entity.Version"/>; returns it with the next version. Throws
    /// <see cref="StoreError.ConcurrencyConflict"/> when someone else changed it,
    /// <see cref="StoreError.NotFound"/> or <see cref="StoreError.Duplicate"/>.
    /// </summary>
    Task<Entity> UpdateAsync(Entity entity, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entity with its credentials; returns <see langword="false"/> when it did not exist.</summary>
    Task<bool> DeleteAsync(EntityId id, CancellationToken cancellationToken = default);
}
