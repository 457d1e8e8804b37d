namespace MCPilot.Entities;

/// <summary>
/// Which entity each Discord user talks to in DMs (set with <c>/talk</c>), so that a DM to the
/// bot reaches that entity's <c>read_dms</c>.
/// </summary>
public interface IDmRouteStore
{
    /// <summary>The user's active entity, or <see langword="null"/>.</summary>
    Task<EntityId?> GetActiveEntityAsync(ulong userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets (or with <see langword="null"/> clears) the user's active entity. Throws
    /// <see cref="Storage.StoreError.NotFound"/> for an unknown entity; deleting an entity clears
    /// the routes to it.
    /// </summary>
    Task SetActiveEntityAsync(ulong userId, EntityId? entityId, CancellationToken cancellationToken = default);
}
