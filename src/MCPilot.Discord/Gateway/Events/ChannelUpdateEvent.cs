using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>CHANNEL_UPDATE</c>: a channel changed.</summary>
public sealed class ChannelUpdateEvent : ChannelEvent
{
    internal ChannelUpdateEvent(Channel channel)
        : base(channel)
    {
    }
}
