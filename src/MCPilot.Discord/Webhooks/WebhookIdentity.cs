namespace MCPilot.Discord.Webhooks;

/// <summary>Who a webhook post appears to come from: a name and an avatar.</summary>
/// <param name="Name">The name shown (sanitised by <see cref="WebhookNames.Sanitize"/> before it is sent).</param>
/// <param name="AvatarUrl">The avatar shown: an absolute http or https URL of at most 2048 characters, or null for the webhook's default.</param>
public sealed record WebhookIdentity(string Name, string? AvatarUrl = null);
