using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>MESSAGE_UPDATE</c>: a message was edited (the payload is the whole message).</summary>
public sealed class MessageUpdateEvent : MessageEvent
{
    internal MessageUpdateEvent(Message message)
        : base(message)
    {
    }
}
