using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>THREAD_CREATE</c>: a thread (or forum post) was created, or the bot was added to a private thread.</summary>
public sealed class ThreadCreateEvent : ChannelEvent
{
    internal ThreadCreateEvent(Channel channel)
        : base(channel)
    {
    }
}
