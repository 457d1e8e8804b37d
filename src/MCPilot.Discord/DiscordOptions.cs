using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;

namespace MCPilot.Discord;

/// <summary>
/// How MCPilot reaches Discord, bound from <c>MCPilot:Discord</c>; shared by the REST client
/// and the Gateway. The token also comes from the <c>DISCORD_TOKEN</c> environment variable.
/// Point <see cref="ApiBaseUrl"/> at FakeDiscord to run without Discord.
/// </summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "MCPilot:Discord";

    /// <summary>The environment variable (or top-level configuration key) read when <see cref="Token"/> is not configured.</summary>
    public const string TokenEnvironmentVariable = "DISCORD_TOKEN";

    /// <summary>The default of <see cref="ApiBaseUrl"/>: Discord's API, version 10.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://discord.com/api/v10/");

    /// <summary>
    /// The bot token from the Developer Portal (your application > Bot), bare, without "Bot ".
    /// A secret: never logged, never shown by <see cref="ToString"/>.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The REST API's base URL, ending in the version (default <see cref="DefaultApiBaseUrl"/>).</summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The application's id; learned from <c>GET /applications/@me</c> when not set.</summary>
    public ulong? ApplicationId { get; set; }

    /// <summary>The REST client's limits, retries and timeouts.</summary>
    public DiscordRestOptions Rest { get; } = new();

    /// <summary>The webhook identity engine's settings.</summary>
    public WebhookIdentityOptions Webhooks { get; } = new();

    /// <inheritdoc />
    public override string ToString() => $"DiscordOptions(api: {ApiBaseUrl}, token: {(string.IsNullOrEmpty(Token) ? "none" : "set")})";
}
