using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>What a FakeDiscord handler answers.</summary>
internal sealed record FakeResponse(int Status, JsonNode? Body)
{
    public static FakeResponse NoContent { get; } = new(204, null);

    public static FakeResponse Ok(JsonNode body) => new(200, body);
}
