namespace MCPilot.Testing.FakeDiscord;

/// <summary>A channel webhook.</summary>
/// <param name="Id">The webhook's id.</param>
/// <param name="GuildId">The guild.</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="Name">The default name.</param>
/// <param name="Token">The secret token.</param>
/// <param name="ApplicationId">The application that created it (the bot's, or null for one a person made).</param>
/// <param name="CreatorId">The user that created it.</param>
public sealed record FakeWebhook(ulong Id, ulong GuildId, ulong ChannelId, string Name, string Token, ulong? ApplicationId, ulong CreatorId);
