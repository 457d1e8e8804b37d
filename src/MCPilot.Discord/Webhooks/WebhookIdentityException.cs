namespace MCPilot.Discord.Webhooks;

/// <summary>
/// A post as an identity cannot be made in a channel, for a reason only a person can fix:
/// the channel is full of webhooks, the bot lacks Manage Webhooks, or the channel type takes
/// no webhook posts. The message names the channel and the fix.
/// </summary>
public sealed class WebhookIdentityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookIdentityException(string message, ulong channelId, Exception? innerException = null)
        : base(message, innerException)
    {
        ChannelId = channelId;
    }

    /// <summary>The channel concerned.</summary>
    public ulong ChannelId { get; }
}
