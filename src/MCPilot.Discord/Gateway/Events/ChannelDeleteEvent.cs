using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>CHANNEL_DELETE</c>: a channel was deleted (its threads with it).</summary>
public sealed class ChannelDeleteEvent : ChannelEvent
{
    internal ChannelDeleteEvent(Channel channel)
        : base(channel)
    {
    }
}
