namespace MCPilot.Discord.Models;

/// <summary>A channel's explicit allow/deny of permissions for a role or a member.</summary>
public sealed class PermissionOverwrite
{
    /// <summary>The role or user id.</summary>
    public ulong Id { get; init; }

    /// <summary>0 for a role, 1 for a member.</summary>
    public int Type { get; init; }

    /// <summary>The permissions allowed.</summary>
    public DiscordPermissions Allow { get; init; }

    /// <summary>The permissions denied.</summary>
    public DiscordPermissions Deny { get; init; }
}
