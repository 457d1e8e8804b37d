using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>THREAD_DELETE</c>: a thread was deleted.</summary>
public sealed class ThreadDeleteEvent : ChannelEvent
{
    internal ThreadDeleteEvent(Channel channel)
        : base(channel)
    {
    }
}
