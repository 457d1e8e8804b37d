namespace MCPilot.Testing.FakeDiscord;

/// <summary>Channel types (Discord's numbers).</summary>
public enum FakeChannelType
{
    /// <summary>A guild text channel.</summary>
    Text = 0,

    /// <summary>A DM.</summary>
    DirectMessage = 1,

    /// <summary>A voice channel.</summary>
    Voice = 2,

    /// <summary>A category.</summary>
    Category = 4,

    /// <summary>An announcement channel.</summary>
    Announcement = 5,

    /// <summary>A thread in an announcement channel.</summary>
    AnnouncementThread = 10,

    /// <summary>A public thread (also a forum post).</summary>
    PublicThread = 11,

    /// <summary>A private thread.</summary>
    PrivateThread = 12,

    /// <summary>A forum channel.</summary>
    Forum = 15,

    /// <summary>A media channel.</summary>
    Media = 16,
}
