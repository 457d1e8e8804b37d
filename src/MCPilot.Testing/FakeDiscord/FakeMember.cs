namespace MCPilot.Testing.FakeDiscord;

/// <summary>A user's membership of a guild.</summary>
/// <param name="GuildId">The guild.</param>
/// <param name="UserId">The user.</param>
/// <param name="Roles">The role ids (without @everyone).</param>
/// <param name="Nick">The nickname, or null.</param>
/// <param name="JoinedAt">When the user joined.</param>
public sealed record FakeMember(ulong GuildId, ulong UserId, IReadOnlyList<ulong> Roles, string? Nick, DateTimeOffset JoinedAt);
