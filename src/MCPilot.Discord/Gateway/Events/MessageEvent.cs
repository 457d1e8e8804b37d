using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>MESSAGE_CREATE</c> or <c>MESSAGE_UPDATE</c>: a whole message.</summary>
public abstract class MessageEvent : GatewayEvent
{
    private protected MessageEvent(Message message) => Message = message;

    /// <summary>The message (with <see cref="Message.GuildId"/>, the author's <see cref="Message.Member"/> and mentioned members).</summary>
    public Message Message { get; }

    /// <summary>
    /// For a message in a thread, the thread's parent channel, as the cache knew it when the
    /// event was dispatched; otherwise null. When the channel is a thread the cache has not seen
    /// (<see cref="Message.ChannelType"/> says so), ask <see cref="Cache.IDiscordCache.GetParentChannelIdAsync"/>.
    /// </summary>
    public ulong? ParentChannelId { get; internal set; }

    /// <summary>Whether the message was sent in a DM (no guild).</summary>
    public bool IsDirectMessage => Message.GuildId is null;
}
