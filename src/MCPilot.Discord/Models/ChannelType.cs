namespace MCPilot.Discord.Models;

/// <summary>Discord's channel types.</summary>
public enum ChannelType
{
    /// <summary>A text channel in a guild.</summary>
    GuildText = 0,

    /// <summary>A direct message between two users.</summary>
    DirectMessage = 1,

    /// <summary>A voice channel in a guild.</summary>
    GuildVoice = 2,

    /// <summary>A group direct message.</summary>
    GroupDirectMessage = 3,

    /// <summary>A category that holds channels.</summary>
    GuildCategory = 4,

    /// <summary>An announcement channel.</summary>
    GuildAnnouncement = 5,

    /// <summary>A thread in an announcement channel.</summary>
    AnnouncementThread = 10,

    /// <summary>A public thread in a text or forum channel.</summary>
    PublicThread = 11,

    /// <summary>A private thread in a text channel.</summary>
    PrivateThread = 12,

    /// <summary>A stage channel.</summary>
    GuildStageVoice = 13,

    /// <summary>A guild directory channel.</summary>
    GuildDirectory = 14,

    /// <summary>A forum channel: holds only threads (posts).</summary>
    GuildForum = 15,

    /// <summary>A media channel: holds only threads (posts).</summary>
    GuildMedia = 16,
}
