namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>MESSAGE_DELETE_BULK</c>: several messages were deleted at once.</summary>
public sealed class MessageDeleteBulkEvent : GatewayEvent
{
    /// <summary>The messages' ids.</summary>
    public IReadOnlyList<ulong> Ids { get; init; } = [];

    /// <summary>The channel's id.</summary>
    public ulong ChannelId { get; init; }

    /// <summary>The guild's id (absent in DMs).</summary>
    public ulong? GuildId { get; init; }
}
