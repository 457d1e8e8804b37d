using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary><c>MESSAGE_CREATE</c>: a message was posted (by a user, a bot, or a webhook: see <see cref="Message.WebhookId"/>).</summary>
public sealed class MessageCreateEvent : MessageEvent
{
    internal MessageCreateEvent(Message message)
        : base(message)
    {
    }
}
