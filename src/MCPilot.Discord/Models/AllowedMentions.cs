namespace MCPilot.Discord.Models;

/// <summary>
/// Which mentions in a message's content actually ping. MCPilot's default for webhook posts is
/// <see cref="UsersOnly"/>: @everyone, @here and role mentions are shown but ping no one.
/// </summary>
public sealed class AllowedMentions
{
    /// <summary>The "parse" value that allows user mentions.</summary>
    public const string ParseUsers = "users";

    /// <summary>The "parse" value that allows role mentions.</summary>
    public const string ParseRoles = "roles";

    /// <summary>The "parse" value that allows @everyone and @here.</summary>
    public const string ParseEveryone = "everyone";

    /// <summary>Mention types parsed from the content (<see cref="ParseUsers"/>, <see cref="ParseRoles"/>, <see cref="ParseEveryone"/>).</summary>
    public IReadOnlyList<string>? Parse { get; init; }

    /// <summary>Users allowed to be pinged (not together with <see cref="ParseUsers"/>; up to 100).</summary>
    public IReadOnlyList<ulong>? Users { get; init; }

    /// <summary>Roles allowed to be pinged (not together with <see cref="ParseRoles"/>; up to 100).</summary>
    public IReadOnlyList<ulong>? Roles { get; init; }

    /// <summary>Whether a reply pings the author of the message replied to.</summary>
    public bool? RepliedUser { get; init; }

    /// <summary>Allows no mention at all.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>Allows user mentions only: never @everyone, @here or roles.</summary>
    public static AllowedMentions UsersOnly { get; } = new() { Parse = [ParseUsers] };
}
