namespace MCPilot.Testing.FakeDiscord;

/// <summary>A custom guild emoji.</summary>
/// <param name="Id">The emoji's id.</param>
/// <param name="GuildId">The guild.</param>
/// <param name="Name">The emoji's name.</param>
/// <param name="Animated">Whether it is animated.</param>
public sealed record FakeEmoji(ulong Id, ulong GuildId, string Name, bool Animated);
