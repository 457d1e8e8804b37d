namespace MCPilot.Entities;

/// <summary>An entity's presence in one guild, with that guild's channel policy.</summary>
/// <param name="GuildId">The guild.</param>
/// <param name="Policy">Which of the guild's channels the entity may use.</param>
public sealed record EntityGuildMembership(ulong GuildId, ChannelPolicy Policy)
{
    /// <summary>
    /// A role of the guild that stands for the entity: a message that mentions it addresses the
    /// entity (webhook identities cannot be @mentioned as users). <see langword="null"/> when none.
    /// </summary>
    public ulong? MentionRoleId { get; init; }
}
