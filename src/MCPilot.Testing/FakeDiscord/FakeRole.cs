namespace MCPilot.Testing.FakeDiscord;

/// <summary>A guild role.</summary>
/// <param name="Id">The role's id.</param>
/// <param name="GuildId">The guild.</param>
/// <param name="Name">The role's name.</param>
/// <param name="Permissions">The permission bits it grants.</param>
/// <param name="Position">Its position.</param>
/// <param name="Mentionable">Whether anyone may mention it.</param>
public sealed record FakeRole(ulong Id, ulong GuildId, string Name, ulong Permissions, int Position, bool Mentionable);
