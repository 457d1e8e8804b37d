namespace MCPilot.Discord.Models;

/// <summary>The bot's application (<c>GET /applications/@me</c>).</summary>
public sealed class Application
{
    /// <summary>The application's id (commands and interaction follow-ups use it).</summary>
    public ulong Id { get; init; }

    /// <summary>The application's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The icon hash.</summary>
    public string? Icon { get; init; }

    /// <summary>The description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether anyone can add the bot.</summary>
    public bool? BotPublic { get; init; }

    /// <summary>The bot user.</summary>
    public User? Bot { get; init; }

    /// <summary>The owner.</summary>
    public User? Owner { get; init; }

    /// <summary>The application flags (including the privileged-intent flags).</summary>
    public int? Flags { get; init; }

    /// <summary>The key used to verify interactions sent over HTTP.</summary>
    public string? VerifyKey { get; init; }

    /// <summary>Approximate number of guilds the bot is in.</summary>
    public int? ApproximateGuildCount { get; init; }
}
