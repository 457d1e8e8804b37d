namespace MCPilot.Discord.Models;

/// <summary>A Discord user (or bot, or the author shown for a webhook message).</summary>
public sealed class User
{
    /// <summary>The user's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The username (not unique across Discord for webhook authors).</summary>
    public string Username { get; init; } = "";

    /// <summary>The legacy discriminator ("0" for migrated users, "0000" for webhook authors).</summary>
    public string? Discriminator { get; init; }

    /// <summary>The display name, when set.</summary>
    public string? GlobalName { get; init; }

    /// <summary>The avatar hash, or null for the default avatar.</summary>
    public string? Avatar { get; init; }

    /// <summary>Whether the user is a bot (webhook authors are reported as bots).</summary>
    public bool? Bot { get; init; }

    /// <summary>Whether the user is Discord's official system user.</summary>
    public bool? System { get; init; }

    /// <summary>The public flags on the account.</summary>
    public int? PublicFlags { get; init; }

    /// <summary>
    /// The member of the guild the message was sent in, present only on mentioned users of
    /// Gateway <c>MESSAGE_CREATE</c>/<c>MESSAGE_UPDATE</c> events (without its <c>user</c>).
    /// </summary>
    public GuildMember? Member { get; init; }

    /// <summary>The name people see: the display name when set, else the username.</summary>
    public string DisplayName => GlobalName ?? Username;
}
