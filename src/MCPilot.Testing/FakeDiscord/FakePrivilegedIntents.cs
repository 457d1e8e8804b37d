namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// The privileged Gateway intents switched on for FakeDiscord's bot, as in the Developer Portal
/// (your application > Bot > Privileged Gateway Intents). Identifying with one that is off closes
/// the connection with 4014, as Discord does. The values are Discord's intent bits.
/// </summary>
[Flags]
public enum FakePrivilegedIntents
{
    /// <summary>None enabled.</summary>
    None = 0,

    /// <summary>GUILD_MEMBERS.</summary>
    GuildMembers = 1 << 1,

    /// <summary>GUILD_PRESENCES.</summary>
    GuildPresences = 1 << 8,

    /// <summary>MESSAGE_CONTENT.</summary>
    MessageContent = 1 << 15,

    /// <summary>All three.</summary>
    All = GuildMembers | GuildPresences | MessageContent,
}
