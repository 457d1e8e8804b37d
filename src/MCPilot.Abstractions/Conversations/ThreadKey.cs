namespace MCPilot.Conversations;

/// <summary>Whose conversation with the bot: one thread per (guild, channel, user). DMs have guild 0.</summary>
/// <param name="GuildId">The guild, or 0 in DMs.</param>
/// <param name="ChannelId">The channel (or DM channel).</param>
/// <param name="UserId">The member.</param>
public readonly record struct ThreadKey(ulong GuildId, ulong ChannelId, ulong UserId);
