namespace MCPilot.Discord.Gateway;

/// <summary>
/// The Gateway intents: which events Discord sends a session. Privileged intents
/// (<see cref="GuildMembers"/>, <see cref="GuildPresences"/>, <see cref="MessageContent"/>) must
/// also be switched on in the Developer Portal (your application > Bot > Privileged Gateway Intents).
/// </summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>No events.</summary>
    None = 0,

    /// <summary>Guild, channel, thread and role events.</summary>
    Guilds = 1 << 0,

    /// <summary>Member add/update/remove (privileged).</summary>
    GuildMembers = 1 << 1,

    /// <summary>Bans and audit log entries.</summary>
    GuildModeration = 1 << 2,

    /// <summary>Emoji, sticker and soundboard updates.</summary>
    GuildExpressions = 1 << 3,

    /// <summary>Integration events.</summary>
    GuildIntegrations = 1 << 4,

    /// <summary><c>WEBHOOKS_UPDATE</c>.</summary>
    GuildWebhooks = 1 << 5,

    /// <summary>Invite events.</summary>
    GuildInvites = 1 << 6,

    /// <summary>Voice state events.</summary>
    GuildVoiceStates = 1 << 7,

    /// <summary>Presence updates (privileged).</summary>
    GuildPresences = 1 << 8,

    /// <summary>Messages in guilds.</summary>
    GuildMessages = 1 << 9,

    /// <summary>Reactions in guilds.</summary>
    GuildMessageReactions = 1 << 10,

    /// <summary>Typing in guilds.</summary>
    GuildMessageTyping = 1 << 11,

    /// <summary>Messages in DMs.</summary>
    DirectMessages = 1 << 12,

    /// <summary>Reactions in DMs.</summary>
    DirectMessageReactions = 1 << 13,

    /// <summary>Typing in DMs.</summary>
    DirectMessageTyping = 1 << 14,

    /// <summary>The content of messages that do not mention the bot (privileged).</summary>
    MessageContent = 1 << 15,

    /// <summary>Scheduled events.</summary>
    GuildScheduledEvents = 1 << 16,

    /// <summary>Auto-moderation rule changes.</summary>
    AutoModerationConfiguration = 1 << 20,

    /// <summary>Auto-moderation actions.</summary>
    AutoModerationExecution = 1 << 21,

    /// <summary>Poll votes in guilds.</summary>
    GuildMessagePolls = 1 << 24,

    /// <summary>Poll votes in DMs.</summary>
    DirectMessagePolls = 1 << 25,

    /// <summary>MCPilot's default: guilds, guild messages, DMs and message content.</summary>
    Default = Guilds | GuildMessages | DirectMessages | MessageContent,

    /// <summary>The intents Discord calls privileged.</summary>
    Privileged = GuildMembers | GuildPresences | MessageContent,
}
