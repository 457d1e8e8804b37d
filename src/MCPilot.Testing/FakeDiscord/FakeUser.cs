namespace MCPilot.Testing.FakeDiscord;

/// <summary>A user FakeDiscord knows (the bot, or a "human" a test created).</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Username">The username.</param>
/// <param name="GlobalName">The display name, or null.</param>
/// <param name="Bot">Whether the user is a bot.</param>
public sealed record FakeUser(ulong Id, string Username, string? GlobalName, bool Bot);
