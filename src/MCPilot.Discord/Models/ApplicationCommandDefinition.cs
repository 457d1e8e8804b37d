using System.Text.Json.Serialization;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Models;

/// <summary>A command as the bot declares it, for a bulk overwrite of global or guild commands.</summary>
public sealed class ApplicationCommandDefinition
{
    /// <summary>The name (1-32 characters; lowercase for slash commands).</summary>
    public string Name { get; init; } = "";

    /// <summary>The description (1-100 characters; empty for context-menu commands).</summary>
    public string? Description { get; init; }

    /// <summary>The command type (slash command when null).</summary>
    public ApplicationCommandType? Type { get; init; }

    /// <summary>The parameters (up to 25).</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>The permissions a member needs by default (e.g. <see cref="DiscordPermissions.ManageGuild"/>).</summary>
    /// <remarks>
    /// Sent as a JSON integer: the docs call the field a string, the OpenAPI spec an integer,
    /// and Discord accepts an integer-valued string or an integer for it; the integer satisfies both.
    /// </remarks>
    [JsonConverter(typeof(PermissionsAsNumberJsonConverter))]
    public DiscordPermissions? DefaultMemberPermissions { get; init; }

    /// <summary>Where it may be used: 0 guild, 1 bot DM, 2 private channels.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>How it may be installed: 0 guild, 1 user.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    /// <summary>Whether the command is age-restricted.</summary>
    public bool? Nsfw { get; init; }
}
