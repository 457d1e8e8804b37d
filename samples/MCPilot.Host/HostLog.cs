namespace MCPilot.Host;

/// <summary>The host's log messages.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1, LogLevel.Warning, "No vault master secret is configured: using the playground secret generated at {Path}. Set BOT_MASTER_SECRET (openssl rand -base64 32) for real use.")]
    public static partial void GeneratedPlaygroundSecret(ILogger logger, string path);
}
