using MCPilot.Storage;
using MCPilot.Vault;

namespace MCPilot.Servers;

/// <summary>
/// Keeps members' MCP server registrations. Writes that break a rule throw
/// <see cref="StoreException"/>. Every implementation also serves key rotation as an
/// <see cref="IVaultedFieldSource"/> over the registrations' header and environment envelopes;
/// replacing an envelope there increments the registration's <see cref="McpServerRegistration.Version"/>,
/// so that an edit based on an older read conflicts instead of writing the old envelope back.
/// </summary>
public interface IMcpServerStore : IVaultedFieldSource
{
    /// <summary>Returns a registration, or <see langword="null"/>.</summary>
    Task<McpServerRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The enabled servers a user may use when asking in a channel, by name: their own (USER:
    /// those without a guild everywhere, those with one only in that guild), the channel's or its
    /// parent's (CHANNEL), and the guild's (GLOBAL).
    /// </summary>
    /// <param name="guildId">The guild, or <see langword="null"/> in DMs (then only USER servers).</param>
    /// <param name="channelId">The channel asked in.</param>
    /// <param name="parentChannelId">The thread's parent channel, when asked in a thread.</param>
    /// <param name="userId">The asking member.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<McpServerRegistration>> ListVisibleAsync(ulong? guildId, ulong channelId, ulong? parentChannelId, ulong userId, CancellationToken cancellationToken = default);

    /// <summary>Lists every registration with a given scope in a guild (all of a guild's when <paramref name="scope"/> is null), by name.</summary>
    Task<IReadOnlyList<McpServerRegistration>> ListByGuildAsync(ulong guildId, McpServerScope? scope = null, CancellationToken cancellationToken = default);

    /// <summary>Lists an owner's registrations, by name.</summary>
    Task<IReadOnlyList<McpServerRegistration>> ListByOwnerAsync(OwnerId owner, CancellationToken cancellationToken = default);

    /// <summary>Creates a registration (version 1). Throws <see cref="StoreError.Duplicate"/> when the name is taken at its scope and place.</summary>
    Task<McpServerRegistration> CreateAsync(McpServerRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Replaces a registration if its version matches; see <see cref="Entities.IEntityStore.UpdateAsync"/>.</summary>
    Task<McpServerRegistration> UpdateAsync(McpServerRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Deletes a registration; returns <see langword="false"/> when it did not exist.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
