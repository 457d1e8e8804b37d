using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Webhooks;

/// <summary>The webhook identity engine's log messages.</summary>
internal static partial class WebhookIdentityLog
{
    [LoggerMessage(1, LogLevel.Information, "Created MCPilot's webhook {WebhookId} in channel {ChannelId}")]
    public static partial void Created(ILogger logger, ulong webhookId, ulong channelId);

    [LoggerMessage(2, LogLevel.Debug, "Using MCPilot's existing webhook {WebhookId} in channel {ChannelId}")]
    public static partial void Found(ILogger logger, ulong webhookId, ulong channelId);

    [LoggerMessage(3, LogLevel.Warning, "MCPilot's webhook {WebhookId} in channel {ChannelId} is gone (Discord code {Code}): recreating it once")]
    public static partial void Recreating(ILogger logger, ulong webhookId, ulong channelId, int code);
}
