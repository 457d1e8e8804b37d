using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>A registered application command.</summary>
/// <param name="Id">The command's id.</param>
/// <param name="GuildId">The guild of a guild command, or null for a global one.</param>
/// <param name="Name">The command's name.</param>
/// <param name="Definition">The command as the bot declared it (Discord's JSON).</param>
/// <param name="Version">Changes when the command changes.</param>
public sealed record FakeCommand(ulong Id, ulong? GuildId, string Name, JsonObject Definition, ulong Version);
