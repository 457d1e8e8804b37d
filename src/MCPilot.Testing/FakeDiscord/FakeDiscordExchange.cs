using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>One request FakeDiscord answered, for assertions.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The route template, e.g. <c>/channels/{channel_id}/messages</c>.</param>
/// <param name="Path">The path and query as requested.</param>
/// <param name="Status">The status answered (0 for a dropped connection).</param>
/// <param name="RequestBody">The JSON body sent, or null.</param>
/// <param name="Injected">Whether an injected fault decided the answer.</param>
public sealed record FakeDiscordExchange(string Method, string Route, string Path, int Status, JsonNode? RequestBody, bool Injected);
