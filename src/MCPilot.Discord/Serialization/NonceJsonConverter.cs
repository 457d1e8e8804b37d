using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MCPilot.Discord.Serialization;

/// <summary>A message nonce is a string or an integer on the wire; MCPilot reads both as a string and writes a string.</summary>
internal sealed class NonceJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"A nonce is a string or an integer, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
