using System.ComponentModel.DataAnnotations;

namespace MCPilot.Discord.Webhooks;

/// <summary>The webhook identity engine's settings (<c>MCPilot:Discord:Webhooks</c>).</summary>
public sealed class WebhookIdentityOptions
{
    /// <summary>The default of <see cref="WebhookName"/>.</summary>
    public const string DefaultWebhookName = "MCPilot";

    /// <summary>Discord's limit on a message's content.</summary>
    public const int DiscordMaxMessageLength = 2000;

    /// <summary>
    /// The name of the one webhook MCPilot creates per channel (1-80 characters, without
    /// "clyde" or "discord"). Posts show the entity's name, not this one.
    /// </summary>
    [Required]
    [StringLength(80, MinimumLength = 1)]
    public string WebhookName { get; set; } = DefaultWebhookName;

    /// <summary>Content longer than this is split into several messages. Default (and maximum) 2000.</summary>
    [Range(64, DiscordMaxMessageLength)]
    public int MaxMessageLength { get; set; } = DiscordMaxMessageLength;
}
