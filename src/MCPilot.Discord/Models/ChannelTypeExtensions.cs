namespace MCPilot.Discord.Models;

/// <summary>Questions about a <see cref="ChannelType"/>.</summary>
public static class ChannelTypeExtensions
{
    /// <summary>Whether the channel is a thread (announcement, public or private).</summary>
    public static bool IsThread(this ChannelType type) => type is ChannelType.AnnouncementThread or ChannelType.PublicThread or ChannelType.PrivateThread;

    /// <summary>Whether the channel holds only threads (forum or media).</summary>
    public static bool IsThreadOnly(this ChannelType type) => type is ChannelType.GuildForum or ChannelType.GuildMedia;

    /// <summary>Whether the channel is a direct message (one-to-one or group).</summary>
    public static bool IsDirectMessage(this ChannelType type) => type is ChannelType.DirectMessage or ChannelType.GroupDirectMessage;

    /// <summary>Whether messages can be posted in the channel itself.</summary>
    public static bool IsMessageable(this ChannelType type) => type is ChannelType.GuildText or ChannelType.DirectMessage or ChannelType.GroupDirectMessage
        or ChannelType.GuildAnnouncement or ChannelType.GuildVoice or ChannelType.GuildStageVoice || type.IsThread();
}
