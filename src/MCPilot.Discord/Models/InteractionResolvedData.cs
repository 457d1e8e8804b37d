namespace MCPilot.Discord.Models;

/// <summary>The objects a command's options refer to, by id.</summary>
public sealed class InteractionResolvedData
{
    /// <summary>Users by id.</summary>
    public IReadOnlyDictionary<ulong, User>? Users { get; init; }

    /// <summary>Partial members by user id (without <c>user</c>).</summary>
    public IReadOnlyDictionary<ulong, GuildMember>? Members { get; init; }

    /// <summary>Roles by id.</summary>
    public IReadOnlyDictionary<ulong, Role>? Roles { get; init; }

    /// <summary>Partial channels by id.</summary>
    public IReadOnlyDictionary<ulong, Channel>? Channels { get; init; }

    /// <summary>Partial messages by id.</summary>
    public IReadOnlyDictionary<ulong, Message>? Messages { get; init; }

    /// <summary>Attachments by id.</summary>
    public IReadOnlyDictionary<ulong, Attachment>? Attachments { get; init; }
}
