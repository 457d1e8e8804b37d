namespace MCPilot.Discord.Models;

/// <summary>A webhook. Its <see cref="Token"/> is a secret: anyone with it can post in the channel.</summary>
public sealed class Webhook
{
    /// <summary>The webhook's id.</summary>
    public ulong Id { get; init; }

    /// <summary>1 incoming, 2 channel follower, 3 application (interactions).</summary>
    public WebhookType Type { get; init; }

    /// <summary>The guild it belongs to.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The channel it posts in.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>The user that created it.</summary>
    public User? User { get; init; }

    /// <summary>The default name.</summary>
    public string? Name { get; init; }

    /// <summary>The default avatar hash.</summary>
    public string? Avatar { get; init; }

    /// <summary>The secure token of an incoming webhook (present when the bot may manage it).</summary>
    public string? Token { get; init; }

    /// <summary>The application that created it (the bot's application for webhooks a bot made).</summary>
    public ulong? ApplicationId { get; init; }

    /// <summary>The execution URL (contains the token: never log it).</summary>
    public string? Url { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Webhook {Id} in channel {ChannelId}";
}
