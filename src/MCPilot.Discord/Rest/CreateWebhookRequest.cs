namespace MCPilot.Discord.Rest;

/// <summary>A new channel webhook (<c>POST /channels/{id}/webhooks</c>).</summary>
public sealed class CreateWebhookRequest
{
    /// <summary>The webhook's name (1-80 characters, without "clyde" or "discord").</summary>
    public string Name { get; init; } = "";

    /// <summary>The default avatar, as a data URI (<c>data:image/png;base64,...</c>).</summary>
    public string? Avatar { get; init; }
}
