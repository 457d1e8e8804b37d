namespace MCPilot.Testing.FakeDiscord;

/// <summary>A guild in FakeDiscord (the bot is always a member).</summary>
/// <param name="Id">The guild's id (also its @everyone role's id).</param>
/// <param name="Name">The guild's name.</param>
/// <param name="OwnerId">The owner's user id.</param>
public sealed record FakeGuild(ulong Id, string Name, ulong OwnerId);
