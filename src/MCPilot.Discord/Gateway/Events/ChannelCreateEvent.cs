using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>CHANNEL_CREATE</c>: a guild channel was created.</summary>
public sealed class ChannelCreateEvent : ChannelEvent
{
    internal ChannelCreateEvent(Channel channel)
        : base(channel)
    {
    }
}
