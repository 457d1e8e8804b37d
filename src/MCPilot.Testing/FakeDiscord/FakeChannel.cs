namespace MCPilot.Testing.FakeDiscord;

/// <summary>A channel, thread or DM in FakeDiscord.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="GuildId">The guild, or null for a DM.</param>
/// <param name="Type">The channel type.</param>
/// <param name="Name">The name (null for a DM).</param>
/// <param name="ParentId">The category of a channel, or the channel of a thread.</param>
/// <param name="Position">The sorting position.</param>
/// <param name="OwnerId">The creator of a thread.</param>
/// <param name="RecipientId">The user of a DM.</param>
/// <param name="Archived">Whether a thread is archived.</param>
/// <param name="Locked">Whether a thread is locked.</param>
public sealed record FakeChannel(ulong Id, ulong? GuildId, FakeChannelType Type, string? Name, ulong? ParentId, int Position, ulong? OwnerId, ulong? RecipientId, bool Archived, bool Locked)
{
    /// <summary>Whether it is a thread.</summary>
    public bool IsThread => Type is FakeChannelType.AnnouncementThread or FakeChannelType.PublicThread or FakeChannelType.PrivateThread;
}
