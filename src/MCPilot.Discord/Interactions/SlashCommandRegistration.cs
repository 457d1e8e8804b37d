namespace MCPilot.Discord.Interactions;

/// <summary>What registering the slash commands did in one scope.</summary>
/// <param name="GuildId">The guild, or null for global commands.</param>
/// <param name="Fingerprint">The fingerprint of the definitions.</param>
/// <param name="Overwritten">Whether a bulk overwrite was sent (false: Discord already had them).</param>
public sealed record SlashCommandRegistration(ulong? GuildId, string Fingerprint, bool Overwritten);
