namespace MCPilot.Discord.Gateway.Events;

/// <summary>The names (<c>t</c>) of the dispatches MCPilot decodes into typed events.</summary>
public static class GatewayEventNames
{
    /// <summary>A new session started.</summary>
    public const string Ready = "READY";

    /// <summary>A session resumed.</summary>
    public const string Resumed = "RESUMED";

    /// <summary>A guild became available or was joined.</summary>
    public const string GuildCreate = "GUILD_CREATE";

    /// <summary>A guild changed.</summary>
    public const string GuildUpdate = "GUILD_UPDATE";

    /// <summary>A guild became unavailable or was left.</summary>
    public const string GuildDelete = "GUILD_DELETE";

    /// <summary>A role was created.</summary>
    public const string GuildRoleCreate = "GUILD_ROLE_CREATE";

    /// <summary>A role changed.</summary>
    public const string GuildRoleUpdate = "GUILD_ROLE_UPDATE";

    /// <summary>A role was deleted.</summary>
    public const string GuildRoleDelete = "GUILD_ROLE_DELETE";

    /// <summary>A channel was created.</summary>
    public const string ChannelCreate = "CHANNEL_CREATE";

    /// <summary>A channel changed.</summary>
    public const string ChannelUpdate = "CHANNEL_UPDATE";

    /// <summary>A channel was deleted.</summary>
    public const string ChannelDelete = "CHANNEL_DELETE";

    /// <summary>A message was pinned or unpinned.</summary>
    public const string ChannelPinsUpdate = "CHANNEL_PINS_UPDATE";

    /// <summary>A thread was created.</summary>
    public const string ThreadCreate = "THREAD_CREATE";

    /// <summary>A thread changed.</summary>
    public const string ThreadUpdate = "THREAD_UPDATE";

    /// <summary>A thread was deleted.</summary>
    public const string ThreadDelete = "THREAD_DELETE";

    /// <summary>The active threads of channels the bot gained access to.</summary>
    public const string ThreadListSync = "THREAD_LIST_SYNC";

    /// <summary>The bot's thread membership changed.</summary>
    public const string ThreadMemberUpdate = "THREAD_MEMBER_UPDATE";

    /// <summary>A thread's members changed.</summary>
    public const string ThreadMembersUpdate = "THREAD_MEMBERS_UPDATE";

    /// <summary>A message was posted.</summary>
    public const string MessageCreate = "MESSAGE_CREATE";

    /// <summary>A message was edited.</summary>
    public const string MessageUpdate = "MESSAGE_UPDATE";

    /// <summary>A message was deleted.</summary>
    public const string MessageDelete = "MESSAGE_DELETE";

    /// <summary>Messages were deleted in bulk.</summary>
    public const string MessageDeleteBulk = "MESSAGE_DELETE_BULK";

    /// <summary>A reaction was added.</summary>
    public const string MessageReactionAdd = "MESSAGE_REACTION_ADD";

    /// <summary>An interaction (slash command, component) was created.</summary>
    public const string InteractionCreate = "INTERACTION_CREATE";

    /// <summary>A channel's webhooks changed.</summary>
    public const string WebhooksUpdate = "WEBHOOKS_UPDATE";
}
