namespace MCPilot.Discord.Models;

/// <summary>Message flag bits.</summary>
[Flags]
public enum MessageFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Published to following channels.</summary>
    Crossposted = 1 << 0,

    /// <summary>Created from a crosspost.</summary>
    IsCrosspost = 1 << 1,

    /// <summary>Embeds are not shown.</summary>
    SuppressEmbeds = 1 << 2,

    /// <summary>A thread was started from it.</summary>
    HasThread = 1 << 5,

    /// <summary>Only the invoking user sees it (interaction responses).</summary>
    Ephemeral = 1 << 6,

    /// <summary>An interaction response that is still "thinking".</summary>
    Loading = 1 << 7,

    /// <summary>Sent without push and desktop notifications.</summary>
    SuppressNotifications = 1 << 12,

    /// <summary>A voice message.</summary>
    IsVoiceMessage = 1 << 13,

    /// <summary>Uses components v2 instead of content and embeds.</summary>
    IsComponentsV2 = 1 << 15,
}
