namespace MCPilot.Discord.Models;

/// <summary>A reference from a message to another: a reply (type 0) or a forward (type 1).</summary>
public sealed class MessageReference
{
    /// <summary>0 for a reply (default), 1 for a forward.</summary>
    public int? Type { get; init; }

    /// <summary>The referenced message's id.</summary>
    public ulong? MessageId { get; init; }

    /// <summary>The referenced message's channel (optional when replying in the same channel).</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>The referenced message's guild.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>When creating: fail (true, Discord's default) or send as a plain message (false) if the referenced message is gone.</summary>
    public bool? FailIfNotExists { get; init; }
}
