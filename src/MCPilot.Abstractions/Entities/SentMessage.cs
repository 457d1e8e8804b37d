namespace MCPilot.Entities;

/// <summary>
/// A Discord message an entity sent (through a channel webhook, or as the bot in a DM). Webhook
/// messages of several entities share one webhook, so this record is the only way to tell which
/// entity wrote a message: for replies to an entity (its feed, <c>read_dms</c>) and for the ❓
/// provenance reaction.
/// </summary>
/// <param name="MessageId">The message's snowflake.</param>
/// <param name="EntityId">The entity that sent it.</param>
/// <param name="GuildId">The guild, or <see langword="null"/> for a DM.</param>
/// <param name="ChannelId">The channel, thread or DM channel.</param>
/// <param name="At">When it was sent.</param>
public sealed record SentMessage(ulong MessageId, EntityId EntityId, ulong? GuildId, ulong ChannelId, DateTimeOffset At);
