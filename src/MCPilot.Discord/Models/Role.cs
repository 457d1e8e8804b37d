namespace MCPilot.Discord.Models;

/// <summary>A guild role.</summary>
public sealed class Role
{
    /// <summary>The role's id (the @everyone role's id is the guild's id).</summary>
    public ulong Id { get; init; }

    /// <summary>The role's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The role's colour as an RGB integer (0 for none).</summary>
    public int Color { get; init; }

    /// <summary>Whether members are shown apart in the member list.</summary>
    public bool Hoist { get; init; }

    /// <summary>The role icon hash.</summary>
    public string? Icon { get; init; }

    /// <summary>The role's Unicode emoji.</summary>
    public string? UnicodeEmoji { get; init; }

    /// <summary>The role's position (higher is more senior).</summary>
    public int Position { get; init; }

    /// <summary>The permissions the role grants.</summary>
    public DiscordPermissions Permissions { get; init; }

    /// <summary>Whether an integration manages the role.</summary>
    public bool Managed { get; init; }

    /// <summary>Whether anyone may mention the role.</summary>
    public bool Mentionable { get; init; }

    /// <summary>The role flags.</summary>
    public int Flags { get; init; }
}
