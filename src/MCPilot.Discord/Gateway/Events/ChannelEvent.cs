using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary>
/// A channel or thread was created, updated or deleted (<c>CHANNEL_*</c> and <c>THREAD_*</c>). A
/// handler of <see cref="ChannelEvent"/> sees all six; a thread's <see cref="Channel.ParentId"/>
/// is the channel it lives in.
/// </summary>
public abstract class ChannelEvent : GatewayEvent
{
    private protected ChannelEvent(Channel channel) => Channel = channel;

    /// <summary>The channel (for <c>THREAD_DELETE</c>, only id, guild_id, parent_id and type).</summary>
    public Channel Channel { get; }
}
