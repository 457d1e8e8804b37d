using System.Text.Json.Serialization;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Models;

/// <summary>Discord's permission bits (a string-encoded integer on the wire).</summary>
[Flags]
[JsonConverter(typeof(PermissionsJsonConverter))]
#pragma warning disable CA1711 // "Permissions" is Discord's own name for the bitfield.
public enum DiscordPermissions : ulong
#pragma warning restore CA1711
{
    /// <summary>No permission.</summary>
    None = 0,

    /// <summary>Create instant invites.</summary>
    CreateInstantInvite = 1UL << 0,

    /// <summary>Kick members.</summary>
    KickMembers = 1UL << 1,

    /// <summary>Ban members.</summary>
    BanMembers = 1UL << 2,

    /// <summary>All permissions, bypassing channel overwrites.</summary>
    Administrator = 1UL << 3,

    /// <summary>Manage channels.</summary>
    ManageChannels = 1UL << 4,

    /// <summary>Manage the guild ("Manage Server").</summary>
    ManageGuild = 1UL << 5,

    /// <summary>Add reactions.</summary>
    AddReactions = 1UL << 6,

    /// <summary>View the audit log.</summary>
    ViewAuditLog = 1UL << 7,

    /// <summary>View a channel and read its messages as they arrive.</summary>
    ViewChannel = 1UL << 10,

    /// <summary>Send messages (and create forum posts).</summary>
    SendMessages = 1UL << 11,

    /// <summary>Send text-to-speech messages.</summary>
    SendTtsMessages = 1UL << 12,

    /// <summary>Delete and pin others' messages.</summary>
    ManageMessages = 1UL << 13,

    /// <summary>Links sent are embedded.</summary>
    EmbedLinks = 1UL << 14,

    /// <summary>Upload files.</summary>
    AttachFiles = 1UL << 15,

    /// <summary>Read the channel's message history.</summary>
    ReadMessageHistory = 1UL << 16,

    /// <summary>Mention @everyone, @here and all roles.</summary>
    MentionEveryone = 1UL << 17,

    /// <summary>Use emojis from other guilds.</summary>
    UseExternalEmojis = 1UL << 18,

    /// <summary>Manage roles.</summary>
    ManageRoles = 1UL << 28,

    /// <summary>Manage webhooks: MCPilot's webhook identity engine needs it.</summary>
    ManageWebhooks = 1UL << 29,

    /// <summary>Use application (slash) commands.</summary>
    UseApplicationCommands = 1UL << 31,

    /// <summary>Manage threads.</summary>
    ManageThreads = 1UL << 34,

    /// <summary>Create public threads.</summary>
    CreatePublicThreads = 1UL << 35,

    /// <summary>Create private threads.</summary>
    CreatePrivateThreads = 1UL << 36,

    /// <summary>Send messages in threads.</summary>
    SendMessagesInThreads = 1UL << 38,
}
