using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Cache;

/// <summary>What the cache keeps of a role.</summary>
/// <param name="Id">The role's id (the @everyone role's id is the guild's).</param>
/// <param name="GuildId">Its guild.</param>
/// <param name="Name">Its name.</param>
/// <param name="Permissions">The permissions it grants.</param>
/// <param name="Position">Its position (higher is more senior).</param>
/// <param name="Mentionable">Whether anyone may mention it.</param>
/// <param name="Managed">Whether an integration (such as a bot) manages it.</param>
public sealed record CachedRole(ulong Id, ulong GuildId, string Name, DiscordPermissions Permissions, int Position, bool Mentionable, bool Managed)
{
    internal static CachedRole From(Role role, ulong guildId) => new(role.Id, guildId, role.Name, role.Permissions, role.Position, role.Mentionable, role.Managed);
}
