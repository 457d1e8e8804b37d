using System.Net;

namespace MCPilot.Discord.Rest;

/// <summary>
/// Discord rejected the bot token (401). The client then stops sending requests with it, as
/// Discord asks, so an invalid token cannot run up invalid requests towards an IP ban.
/// </summary>
public sealed class DiscordAuthenticationException : DiscordRestException
{
    /// <summary>What to do about a rejected token.</summary>
    public const string Advice = "The bot token is wrong, was reset, or belongs to another application. Copy a fresh token from the Discord Developer Portal (your application > Bot > Reset Token) into MCPilot:Discord:Token or the DISCORD_TOKEN environment variable (the bare token, without 'Bot '), then restart.";

    /// <summary>Creates the exception.</summary>
    public DiscordAuthenticationException(string route, string? discordMessage, bool repeated = false)
        : base(
            repeated
                ? $"Not sending {route}: Discord already rejected the bot token (401 Unauthorized). {Advice}"
                : $"Discord rejected the bot token (401 Unauthorized) on {route}. {Advice}",
            HttpStatusCode.Unauthorized,
            DiscordErrorCodes.Unauthorized,
            discordMessage,
            route)
    {
    }
}
