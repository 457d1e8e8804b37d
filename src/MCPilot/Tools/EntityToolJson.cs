using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace MCPilot.Tools;

/// <summary>
/// How entity tool arguments are read: MCP's JSON conventions, plus one leniency. Discord ids are
/// strings in the tools' schemas (a snowflake does not fit a JavaScript number), yet clients and
/// models often send them as JSON numbers; a string parameter accepts a number token as its exact
/// digits (nothing is rounded on this side), so such calls work instead of failing on the type.
/// </summary>
internal static class EntityToolJson
{
    /// <summary>The serializer options of every entity tool.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
        options.Converters.Insert(0, new NumberTolerantStringConverter());
        options.MakeReadOnly();
        return options;
    }

    private sealed class NumberTolerantStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            _ => throw new JsonException($"Expected a string, not {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
