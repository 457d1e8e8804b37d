using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>THREAD_UPDATE</c>: a thread changed (renamed, archived, locked, ...).</summary>
public sealed class ThreadUpdateEvent : ChannelEvent
{
    internal ThreadUpdateEvent(Channel channel)
        : base(channel)
    {
    }
}
