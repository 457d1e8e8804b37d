using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// A Gateway dispatch FakeDiscord produced because its state changed: the event name
/// (<c>MESSAGE_CREATE</c>, ...) and its <c>d</c> payload in Discord's Gateway shape.
/// </summary>
/// <param name="Sequence">The order of the change across this FakeDiscord (1, 2, ...).</param>
/// <param name="Name">The event name (the <c>t</c> field).</param>
/// <param name="Payload">The event data (the <c>d</c> field); treat it as read-only.</param>
/// <param name="GuildId">The guild it concerns, or null (DMs): decides the shard.</param>
public sealed record FakeDiscordDispatch(long Sequence, string Name, JsonObject Payload, ulong? GuildId);
