namespace MCPilot.Entities;

/// <summary>An entity's presence in one guild, with that guild's channel policy.</summary>
/// <param name="GuildId">The guild.</param>
/// <param name="Policy">Which of the guild's channels the entity may use.</param>
public sealed record EntityGuildMembership(ulong GuildId, ChannelPolicy Policy);
