namespace MCPilot.Discord.Models;

/// <summary>Discord's webhook types.</summary>
public enum WebhookType
{
    /// <summary>An incoming webhook: posts messages with a token.</summary>
    Incoming = 1,

    /// <summary>A channel follower webhook: crossposts announcements.</summary>
    ChannelFollower = 2,

    /// <summary>An application webhook, used with interactions.</summary>
    Application = 3,
}
